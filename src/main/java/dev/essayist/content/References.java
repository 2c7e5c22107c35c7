package dev.essayist.content;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The links and images an author wrote in a Markdown body, read from flexmark's syntax tree so
 * that each keeps its line: inline ({@code [text](url)}, {@code ![alt](src)}) and reference-style
 * ({@code [text][ref]}) ones. Links the renderer adds itself (heading anchors, footnotes) are not
 * in the tree and so are not checked.
 */
final class References {

    private References() {
    }

    /**
     * @param document a parsed body
     * @return its references in document order
     */
    static List<Reference> of(Document document) {
        List<Reference> found = new ArrayList<>();
        int[] lineStarts = null;
        for (Node node : document.getDescendants()) {
            if (!(node instanceof Link || node instanceof Image || node instanceof LinkRef || node instanceof ImageRef)) {
                continue;
            }
            if (lineStarts == null) {
                lineStarts = lineStarts(document.getChars());
            }
            int line = lineOf(lineStarts, node.getStartOffset());
            if (node instanceof Link link) {
                found.add(new Reference(link.getUrl().toString(), line, false));
            } else if (node instanceof Image image) {
                found.add(new Reference(image.getUrl().toString(), line, true));
            } else if (node instanceof LinkRef || node instanceof ImageRef) {
                var target = ((RefNode) node).getReferenceNode(document);
                if (target != null) {
                    found.add(new Reference(target.getUrl().toString(), line, node instanceof ImageRef));
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * flexmark's own {@code Node.getLineNumber()} scans the text from its start for every node,
     * which is quadratic over a body; this indexes the line starts once.
     *
     * @param text the parsed text
     * @return the offset at which each line starts; element 0 is 0
     */
    static int[] lineStarts(CharSequence text) {
        int[] starts = new int[16];
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Line endings as flexmark counts them: \n, \r\n, or a lone \r.
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                if (lines == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, lines);
    }

    /**
     * @param lineStarts from {@link #lineStarts}
     * @param offset     a character offset in the same text
     * @return the 1-based line the offset is on
     */
    static int lineOf(int[] lineStarts, int offset) {
        int at = java.util.Arrays.binarySearch(lineStarts, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }
}
