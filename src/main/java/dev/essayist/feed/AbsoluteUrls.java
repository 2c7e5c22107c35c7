package dev.essayist.feed;

import dev.essayist.content.render.Sidenotes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes every URL in an HTML fragment absolute, for feeds: a feed reader has no base URL for an
 * item's content, so {@code /posts/x}, {@code #fn-1} or {@code img/a.png} would break there. Also
 * drops the margin copies of footnotes ({@link Sidenotes}), which a feed shows at the end only.
 */
final class AbsoluteUrls {

    private AbsoluteUrls() {
    }

    /**
     * @param html    an HTML fragment
     * @param baseUri the absolute URL the fragment is shown at, e.g. {@code https://example.com/posts/x}
     * @return the fragment with {@code href}, {@code src}, {@code poster} and every {@code srcset}
     *         candidate resolved against {@code baseUri} (RFC 3986 §5)
     */
    static String apply(String html, String baseUri) {
        Document doc = Jsoup.parseBodyFragment(html, baseUri);
        doc.outputSettings().prettyPrint(false);
        // Feed readers show footnotes at the end; the margin copies are for wide pages only.
        Sidenotes.remove(doc.body());
        for (String attr : new String[] {"href", "src", "poster", "cite"}) {
            for (Element el : doc.body().select("[" + attr + "]")) {
                String abs = el.absUrl(attr);
                if (!abs.isEmpty()) {
                    el.attr(attr, abs);
                }
            }
        }
        for (Element el : doc.body().select("[srcset]")) {
            StringBuilder out = new StringBuilder();
            for (String candidate : el.attr("srcset").split(",")) {
                String[] parts = candidate.strip().split("\\s+", 2);
                if (parts[0].isEmpty()) {
                    continue;
                }
                el.attr("data-essayist-tmp", parts[0]);
                String abs = el.absUrl("data-essayist-tmp");
                out.append(out.length() > 0 ? ", " : "").append(abs.isEmpty() ? parts[0] : abs)
                        .append(parts.length > 1 ? " " + parts[1] : "");
            }
            el.removeAttr("data-essayist-tmp");
            el.attr("srcset", out.toString());
        }
        return doc.body().html();
    }
}
