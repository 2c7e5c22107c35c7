package dev.essayist.content;

import io.micronaut.core.annotation.Nullable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A link to a page of this site, as an author writes it in a body or in front matter: root-relative
 * ({@code /posts/x#y}), absolute under the site's base URL ({@code https://essays.example.com/posts/x}),
 * or to a part of the same page ({@code #y}). The one parser of internal links: the link check,
 * the link graph ("Referenced by") and default feed ids all read links through it.
 *
 * @param path     the root-relative path, percent-decoded, without query or fragment and without a
 *                 trailing slash (except {@code /} itself); {@code ""} for a same-page link
 * @param fragment the fragment, percent-decoded, or {@code null}
 */
record InternalLink(String path, @Nullable String fragment) {

    private static final String POSTS = "/posts/";

    /**
     * @param href the link as written (an {@code href} or {@code src})
     * @param base the site's base URL without a trailing slash, e.g. {@code https://essays.example.com}
     * @return the link when it points into this site; empty for another site, another scheme
     *         ({@code mailto:}), a relative path ({@code x.png}) or a protocol-relative URL
     */
    public static Optional<InternalLink> parse(String href, String base) {
        String url = href.startsWith(base + "/") ? href.substring(base.length()) : href.equals(base) ? "/" : href;
        if (!(url.startsWith("/") && !url.startsWith("//")) && !url.startsWith("#")) {
            return Optional.empty();
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? null : decode(url.substring(hash + 1));
        int query = path.indexOf('?');
        path = decode(query < 0 ? path : path.substring(0, query));
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return Optional.of(new InternalLink(path, fragment));
    }

    /** @return whether it points into the page it is written in ({@code #y}) */
    public boolean samePage() {
        return path.isEmpty();
    }

    /**
     * @return the slug of the essay it names when it has the form of an essay's URL,
     *         {@code /posts/{slug}}
     */
    public Optional<String> postSlug() {
        if (!path.startsWith(POSTS) || path.length() == POSTS.length() || path.indexOf('/', POSTS.length()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(path.substring(POSTS.length()));
    }

    /**
     * @return the path below {@code /static/} when it names a static file, e.g. {@code img/a.png}
     */
    public Optional<String> staticFile() {
        return path.startsWith("/static/") ? Optional.of(path.substring("/static/".length())) : Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // Not percent-encoded after all; compare it as written.
        }
    }
}
