package dev.essayist.content.engines;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Code shows a tag as written, with the two exceptions the engines make before Markdown is read,
 * which authors rely on to show tags in code at all: the {@code {% raw %}} and {@code {% endraw %}}
 * around a region are taken out (a marker alone on its line takes its line with it), and Hugo's
 * <code>{{&lt;/&#42; x &#42;/&gt;}}</code> shows as {@code {{< x >}}}.
 */
public final class CodeText {

    private static final Evaluator CODE = QueryParser.parse("code, pre");

    private CodeText() {
    }

    /**
     * Rewrites, in place, the text of every code element that holds no other element.
     *
     * @param body a rendered, sanitised body
     */
    public static void apply(Element body) {
        for (Element code : body.select(CODE)) {
            if (code.childrenSize() > 0) {
                continue;
            }
            String text = code.wholeText();
            if (!text.contains("{%") && !text.contains("{{")) {
                continue;
            }
            String shown = showComments(withoutRawMarkers(text));
            if (!shown.equals(text)) {
                code.empty();
                append(code, shown);
            }
        }
    }

    /**
     * Appends text, breaking each {@code {{} with an empty comment as the sanitiser writes it, so no
     * template engine in a reader's browser ever finds a {@code {{}.
     */
    private static void append(Element code, String text) {
        int from = 0;
        for (int at = text.indexOf("{{"); at >= 0; at = text.indexOf("{{", at + 1)) {
            code.appendChild(new TextNode(text.substring(from, at + 1)));
            code.appendChild(new Comment(" "));
            from = at + 1;
        }
        code.appendChild(new TextNode(text.substring(from)));
    }

    static String withoutRawMarkers(String text) {
        RawRegions regions = RawRegions.scan(BasedSequence.of(text));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (RawRegions.Region r : regions.regions()) {
            at = copyWithout(text, at, r.open(), r.contentStart(), out);
            at = copyWithout(text, at, r.contentEnd(), r.close(), out);
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Copies {@code text[at, start)} and skips {@code [start, end)}, with its line if nothing else is on it. */
    private static int copyWithout(String text, int at, int start, int end, StringBuilder out) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        boolean alone = lineStart >= at && text.substring(lineStart, start).isBlank()
                && text.substring(end, lineEnd < 0 ? text.length() : lineEnd).isBlank();
        if (alone) {
            out.append(text, at, lineStart);
            return lineEnd < 0 ? text.length() : lineEnd + 1;
        }
        out.append(text, at, start);
        return end;
    }

    private static String showComments(String text) {
        if (!text.contains("{{<") && !text.contains("{{%")) {
            return text;
        }
        TagScanner scanner = new TagScanner(BasedSequence.of(text));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int i = text.indexOf("{{"); i >= 0; i = text.indexOf("{{", Math.max(i + 1, at))) {
            Tag tag = scanner.at(i);
            if (tag != null && tag.kind() == Tag.Kind.SHORTCODE_COMMENT) {
                out.append(text, at, i).append(TagRenderer.literal(tag));
                at = tag.end();
            }
        }
        return out.append(text, at, text.length()).toString();
    }
}
