package dev.essayist.content;

import dev.essayist.content.render.BlockProblem;
import dev.essayist.post.Heading;
import java.util.List;
import java.util.Set;

/**
 * The result of rendering a body.
 *
 * @param html     the HTML fragment
 * @param headings h2 and h3 headings in order
 * @param links    every link target ({@code href}) in order of first appearance
 * @param excerpt  plain text of the first paragraph, at most about 280 characters
 * @param words      number of words of text
 * @param references the links and images the author wrote, with their lines (for link checks)
 * @param anchors    every {@code id} in the HTML: the fragments a link to this body can name
 * @param text       the body as plain text (what the search index stores)
 * @param hasCode    whether the body shows a code block (diagrams and math drawn from a fence do not count)
 * @param problems   blocks that could not be rendered as written (diagram and TeX errors), by body line
 */
public record RenderedMarkdown(String html, List<Heading> headings, List<String> links, String excerpt, int words,
                               List<Reference> references, Set<String> anchors, String text,
                               boolean hasCode, List<BlockProblem> problems) {

    /** @return the estimated reading time in whole minutes, at least 1 */
    public int readingMinutes() {
        return Math.max(1, (int) Math.ceil(words / (double) MarkdownRenderer.WORDS_PER_MINUTE));
    }
}
