package dev.essayist.content.engines;

import com.vladsch.flexmark.util.ast.Document;
import dev.essayist.content.ContentProblem.Severity;
import dev.essayist.content.render.BlockProblem;

/** Reports another engine's syntax that is not rendered as written, at its body line ({@link BlockProblem}). */
final class Problems {

    private Problems() {
    }

    /**
     * @param document the document being parsed or rendered
     * @param offset   where the syntax starts in the body
     * @param message  what is wrong and what the reader sees instead
     */
    static void warn(Document document, int offset, String message) {
        BlockProblem.of(document).add(new BlockProblem(document.getLineNumber(offset) + 1, Severity.WARNING, message));
    }
}
