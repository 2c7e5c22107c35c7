package dev.essayist.content.engines;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.ContentProblem.Severity;
import dev.essayist.content.render.BlockProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts what each tag that stands for text ({@link Values}) stands for in its place in the source,
 * as Liquid and Hugo do before Markdown reads the file, so that
 * {@code [text]({% post_url 2010-07-21-name %})}, {@code [text]({{< ref "name" >}})} and
 * {@code <img src="{{ site.baseurl }}/a.png">} are links and images again. Only tags outside code
 * are replaced: the places come from a first parse (the tags found in text, in HTML and in link
 * destinations), so a tag in a code span or block stays as written. A tag in HTML that stands for
 * no text is taken out, with a warning, since HTML is not read for tags. Replacements hold no line
 * break, so every line keeps its number.
 */
final class Substitutions {

    private record Substitution(int start, int end, String text) {
    }

    private Substitutions() {
    }

    /**
     * @param document the first parse of {@code source}
     * @param source   the body
     * @param problems where to add what could not be resolved, by body line
     * @return the body with the replacements made, or {@code null} when there are none
     */
    static String apply(Document document, String source, List<BlockProblem> problems) {
        PostUrls urls = EngineSyntax.POST_URLS.get(document);
        List<Substitution> found = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Nodes.InlineTag tag && tag.value != null) {
                add(found, problems, document, tag.tag, tag.value);
            } else if (node instanceof HtmlBlockBase && !(node instanceof HtmlCommentBlock)
                    || node instanceof HtmlInlineBase && !(node instanceof HtmlInlineComment)) {
                scan(node.getChars(), true, document, urls, found, problems);
            } else if (node instanceof LinkNodeBase link) {
                scan(link.getUrl(), false, document, urls, found, problems);
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        found.sort(Comparator.comparingInt(Substitution::start));
        StringBuilder out = new StringBuilder(source.length());
        int at = 0;
        for (Substitution s : found) {
            if (s.start() >= at) {
                out.append(source, at, s.start()).append(s.text());
                at = s.end();
            }
        }
        return out.append(source, at, source.length()).toString();
    }

    private static void scan(BasedSequence text, boolean html, Document document, PostUrls urls,
                             List<Substitution> found, List<BlockProblem> problems) {
        RawRegions raw = RawRegions.of(document);
        TagScanner scanner = new TagScanner(text);
        int i = text.indexOf('{');
        while (i >= 0) {
            Tag tag = raw.literal(text.getIndexOffset(i)) ? null : scanner.at(i);
            if (tag == null) {
                i = text.indexOf('{', i + 1);
                continue;
            }
            Values.Value value = Values.of(tag, urls);
            if (value != null) {
                add(found, problems, document, tag, value);
            } else if (html && tag.kind() == Tag.Kind.LIQUID && raw.marker(tag.chars().getStartOffset())) {
                add(found, problems, document, tag, new Values.Value("", null));
            } else if (html && tag.kind() != Tag.Kind.SHORTCODE_COMMENT) {
                add(found, problems, document, tag, new Values.Value("", tag.label()
                        + " inside HTML is not run (tags are read in Markdown only); it is left out"));
            }
            i = text.indexOf('{', tag.end());
        }
    }

    private static void add(List<Substitution> found, List<BlockProblem> problems, Document document, Tag tag, Values.Value value) {
        BasedSequence chars = tag.chars();
        String text = value.text().replace('\n', ' ');
        // A tag spread over lines keeps its line breaks after the value, so later lines keep their numbers.
        text += "\n".repeat((int) chars.chars().filter(c -> c == '\n').count());
        found.add(new Substitution(chars.getStartOffset(), chars.getEndOffset(), text));
        if (value.problem() != null) {
            problems.add(new BlockProblem(Problems.line(document, chars.getStartOffset()), Severity.WARNING, value.problem()));
        }
    }
}
