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
        for (Node node : document.getDescendants()) {
            if (!(node instanceof Link || node instanceof Image || node instanceof LinkRef || node instanceof ImageRef)) {
                continue;
            }
            // 1-based; a binary search over the line starts the parser recorded (TRACK_DOCUMENT_LINES).
            int line = document.getLineNumber(node.getStartOffset()) + 1;
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
}
