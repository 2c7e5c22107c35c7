package dev.essayist.content.render;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * GitHub's alerts: a block quote whose first line is {@code [!NOTE]}, {@code [!TIP]},
 * {@code [!IMPORTANT]}, {@code [!WARNING]} or {@code [!CAUTION]} (alone on that line, any case)
 * becomes a callout:
 *
 * <pre>{@code <div class="callout callout-warning" role="note"><p class="callout-title">Warning</p><p>…</p></div>}</pre>
 *
 * <p>The label is visible text, so the kind never rests on colour alone (WCAG 1.4.1), and a feed
 * reader without the stylesheet shows it as a paragraph above the content. Any other block quote,
 * including one with an unknown marker, stays a block quote, as on GitHub.
 */
public final class Alerts {

    private static final Evaluator QUOTES = QueryParser.parse("blockquote");
    private static final Pattern MARKER = Pattern.compile("\\A\\s*\\[!([A-Za-z]+)\\][ \\t]*(?:\\n|\\z)");
    private static final Map<String, String> LABELS = Map.of("note", "Note", "tip", "Tip", "important", "Important",
            "warning", "Warning", "caution", "Caution");

    private Alerts() {
    }

    /**
     * Turns every alert under {@code body} into a callout, in place.
     *
     * @param body a rendered, sanitised body
     */
    public static void apply(Element body) {
        for (Element quote : body.select(QUOTES)) {
            Element first = quote.firstElementChild();
            if (first == null || !first.nameIs("p") || !(first.childNodeSize() > 0 && first.childNode(0) instanceof TextNode text)) {
                continue;
            }
            Matcher marker = MARKER.matcher(text.getWholeText());
            String kind = marker.find() ? marker.group(1).toLowerCase(java.util.Locale.ROOT) : null;
            if (kind == null || !LABELS.containsKey(kind)) {
                continue;
            }
            String rest = text.getWholeText().substring(marker.end());
            text.text(rest);
            Node next = text.nextSibling();
            if (rest.isEmpty() && next instanceof Element br && br.nameIs("br")) {
                br.remove(); // "[!NOTE]" ended with a hard line break
            }
            if (first.text().isBlank() && first.childrenSize() == 0) {
                first.remove();
            }
            Element callout = new Element("div").addClass("callout").addClass("callout-" + kind).attr("role", "note");
            callout.appendElement("p").addClass("callout-title").text(LABELS.get(kind));
            callout.appendChildren(quote.childNodesCopy());
            quote.replaceWith(callout);
        }
    }
}
