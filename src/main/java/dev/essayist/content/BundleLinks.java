package dev.essayist.content;

import dev.essayist.content.MarkdownRenderer.RenderedMarkdown;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page bundle's body links to its resources relatively ({@code ![](diagram.png)}, as Hugo's
 * documentation writes it); the page may be served without a trailing slash, where a browser would
 * resolve such a link against the parent folder. So relative links and sources are made
 * root-relative under the post's path ({@code /posts/my-essay/diagram.png}), where the bundle's
 * files are served.
 */
final class BundleLinks {

    private static final List<String> ATTRIBUTES = List.of("href", "src", "poster");

    private BundleLinks() {
    }

    /**
     * @param body    a rendered body
     * @param pathKey the post's path without a trailing slash
     * @return the body with relative links and sources made root-relative
     */
    static RenderedMarkdown rewrite(RenderedMarkdown body, String pathKey) {
        Document doc = Jsoup.parseBodyFragment(body.html());
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element element : doc.body().getAllElements()) {
            for (String attribute : ATTRIBUTES) {
                String value = element.attr(attribute);
                if (!value.isEmpty() && relative(value)) {
                    element.attr(attribute, pathKey + "/" + (value.startsWith("./") ? value.substring(2) : value));
                    changed = true;
                }
            }
        }
        if (!changed) {
            return body;
        }
        return new RenderedMarkdown(doc.body().html(), body.headings(), body.links(), body.excerpt(), body.words(),
                body.references(), body.anchors(), body.text(), body.hasCode(), body.problems());
    }

    /** @return whether a URL is relative to the page: no scheme, not root-relative, not a fragment or query */
    static boolean relative(String url) {
        if (url.startsWith("/") || url.startsWith("#") || url.startsWith("?")) {
            return false;
        }
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        return colon < 0 || (slash >= 0 && slash < colon);
    }
}
