package dev.essayist.site;

import java.util.Set;

/**
 * The first path segments Essayist's own routes take (design.md, "Routes"): an essay's address or
 * alias may not start with one (except below {@code /posts/}, Essayist's own essay addresses), and
 * only these paths lose a trailing slash by redirect ({@link TrailingSlashFilter}); every other path
 * may be a moved blog's address, which keeps the form its permalink gives it.
 */
public final class Routes {

    /** The root-level segments of routes, and {@code ""} for {@code /}. */
    public static final Set<String> RESERVED = Set.of("", "posts", "tags", "series", "page", "archive", "about", "search",
            "static", "health", "prometheus", "vendor", "feed.xml", "atom.xml", "feed.json", "sitemap.xml",
            "robots.txt", "favicon.ico", "_img", "_preview", "index.xml", "rss.xml", "rss", "feed");

    /**
     * Former feed addresses whose slash form subscribers poll too (WordPress's and jekyll-feed
     * users' {@code /feed/}): the feed redirect answers them in one hop, not the slash redirect.
     */
    public static final Set<String> SLASHED_FEEDS = Set.of("/feed/", "/rss/");

    private Routes() {
    }

    /**
     * @param path a root-relative path
     * @return the form paths are matched in: without a trailing slash (but {@code /} itself)
     */
    public static String pathKey(String path) {
        String key = path;
        while (key.length() > 1 && key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    /**
     * @param rawPath a request's path as sent, percent-encoded (RFC 3986 §2.1), e.g.
     *                {@code /2016/09/10/Help%21-I%27m/}
     * @return it decoded as UTF-8 ({@code /2016/09/10/Help!-I'm/}), the form essays' paths are
     *         stored in; {@code +} stays {@code +} (it is a space only in query strings); a path
     *         with a malformed escape is returned as sent, and so matches no essay
     */
    public static String decodedPath(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        try {
            return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath; // not a valid escape: no stored path has it, and the 404 names the path as sent
        }
    }

    /**
     * @param path a stored, decoded path, e.g. {@code /2016/09/10/Help!-I'm/} or {@code /ü/}
     * @return it as a {@code Location} may carry it: non-ASCII characters percent-encoded as UTF-8
     */
    public static java.net.URI location(String path) {
        return java.net.URI.create(java.net.URI.create(path).toASCIIString());
    }

    /**
     * @param path a root-relative path
     * @return the reserved first segment it starts with, or {@code null}; {@code /posts/x} is an
     *         essay's address, not the route {@code /posts}
     */
    public static String reserved(String path) {
        String first = path.length() <= 1 ? "" : path.substring(1).split("/", 2)[0];
        boolean nested = path.indexOf('/', 1) > 0;
        return RESERVED.contains(first) && !(first.equals("posts") && nested) ? first : null;
    }
}
