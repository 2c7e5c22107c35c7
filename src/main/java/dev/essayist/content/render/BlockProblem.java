package dev.essayist.content.render;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import dev.essayist.content.ContentProblem.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Something in a Markdown body that could not be rendered as written (a diagram or a formula
 * with an error), located by its line in the body. The block is still rendered, as its source
 * with a visible note, so the page never breaks; the reader of the body (the post reader) turns
 * this into a {@code ContentProblem} with the file's name and line for {@code check}, the log and
 * {@code /health}.
 *
 * @param line     1-based line in the body (add the body's first file line minus one for the file line)
 * @param severity {@link Severity#ERROR} for a block the author must fix (a diagram or TeX error),
 *                 {@link Severity#WARNING} for one rendered in a lesser form by design (Mermaid)
 * @param message  what is wrong, in words an author can act on
 */
public record BlockProblem(int line, Severity severity, String message) {

    /** The problems found while rendering one document, kept with the document. */
    private static final NullableDataKey<List<BlockProblem>> KEY = new NullableDataKey<>("ESSAYIST_BLOCK_PROBLEMS");

    /**
     * @param document a document being rendered
     * @return the problems reported for it so far, in the order reported (a new empty list at first)
     */
    public static List<BlockProblem> of(Document document) {
        List<BlockProblem> problems = KEY.get(document);
        if (problems == null) {
            problems = new ArrayList<>();
            document.set(KEY, problems);
        }
        return problems;
    }

    /**
     * Reports a problem at a node's line plus an offset.
     *
     * @param node     the node (its document must track lines, {@code Parser.TRACK_DOCUMENT_LINES})
     * @param offset   lines after the node's first line (0 for the node's own line)
     * @param severity how serious
     * @param message  what is wrong
     */
    static void report(Node node, int offset, Severity severity, String message) {
        Document document = node.getDocument();
        of(document).add(new BlockProblem(document.getLineNumber(node.getStartOffset()) + 1 + offset, severity, message));
    }
}
