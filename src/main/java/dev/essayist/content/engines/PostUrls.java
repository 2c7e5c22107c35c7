package dev.essayist.content.engines;

import dev.essayist.site.Slugs;
import java.util.Locale;

/**
 * The URL of another file of the site, named the way Jekyll's {@code {% post_url %}} and
 * {@code {% link %}} and Hugo's {@code {{< ref >}}} and {@code {{< relref >}}} name it. A body is
 * rendered before the other files are read, so the URL comes from the name alone; the link check
 * then reports a resolved link that names no essay.
 */
@FunctionalInterface
public interface PostUrls {

    /**
     * Essays at {@code /posts/{slug}}, the slug being the file or page-bundle folder name without
     * extension and without a {@code yyyy-mm-dd-} prefix ({@link Slugs#of(String)}). On a site whose permalink is another pattern, {@code /posts/{slug}}
     * answers 301 to the essay's address; a file
     * that is not Markdown or HTML ({@code assets/paper.pdf}) at its own path from the site root.
     */
    PostUrls DEFAULT = PostUrls::defaultUrl;

    /**
     * @param reference a file as the author named it, without {@code #fragment}: a Jekyll post name
     *                  ({@code 2010-07-21-name}), a path ({@code _posts/2010-07-21-name.md},
     *                  {@code posts/bundle/index.md}, {@code /posts/name}) or a bare name ({@code name})
     * @return the root-relative URL of that file, e.g. {@code /posts/name}; never {@code null}
     */
    String forFile(String reference);

    private static String defaultUrl(String reference) {
        String path = reference.strip().replace('\\', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] segments = path.split("/");
        String last = segments[segments.length - 1];
        String lower = last.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot > 0 ? lower.substring(dot + 1) : "";
        if (!extension.isEmpty() && !extension.equals("md") && !extension.equals("markdown") && !extension.equals("html")) {
            return "/" + path.replaceFirst("^/+", ""); // a static file keeps its path (design.md: any path serves static/)
        }
        String name = dot > 0 ? last.substring(0, dot) : last;
        if ((name.equals("index") || name.equals("_index")) && segments.length > 1) {
            name = segments[segments.length - 2]; // a page bundle is named by its folder
        }
        return "/posts/" + Slugs.of(name.replaceFirst("^\\d{4}-\\d{2}-\\d{2}-", ""));
    }
}
