package dev.essayist.content.engines;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.ContentProblem.Severity;
import dev.essayist.content.render.BlockProblem;
import java.util.Arrays;

/**
 * Reports another engine's syntax that is not rendered as written, at its body line
 * ({@link BlockProblem}): at most {@link #MAX_REPORTED} per body, the last one saying that more
 * were left unlisted, so a body of thousands of stray tags gives a readable {@code check}.
 */
final class Problems {

    /** Most problems of other engines' syntax listed for one body. */
    static final int MAX_REPORTED = 100;

    /** Where each line of a document starts, and how many problems were reported in it. */
    private static final class Lines {
        final int[] starts;
        int reported;

        Lines(BasedSequence text) {
            int[] found = new int[64];
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
            starts = Arrays.copyOf(found, count);
        }

        /** @return the 1-based line of {@code offset}, by binary search (flexmark's own lookup walks every line) */
        int line(int offset) {
            int at = Arrays.binarySearch(starts, offset);
            return (at >= 0 ? at : -at - 2) + 1;
        }
    }

    private static final NullableDataKey<Lines> LINES = new NullableDataKey<>("ESSAYIST_ENGINE_PROBLEM_LINES");

    private Problems() {
    }

    /**
     * @param document the document being parsed or rendered
     * @param offset   where the syntax starts in the body
     * @param message  what is wrong and what the reader sees instead
     */
    static void warn(Document document, int offset, String message) {
        Lines lines = LINES.get(document);
        if (lines == null) {
            lines = new Lines(document.getChars());
            document.set(LINES, lines);
        }
        lines.reported++;
        if (lines.reported <= MAX_REPORTED) {
            String text = lines.reported < MAX_REPORTED ? message : message + " (and the same for any later tag: only the first "
                    + MAX_REPORTED + " are listed)";
            BlockProblem.of(document).add(new BlockProblem(lines.line(offset), Severity.WARNING, text));
        }
    }

    /**
     * @param document a first parse whose problems are carried to the second ({@link Substitutions})
     * @param offset   where the syntax starts in the body
     * @return its 1-based body line
     */
    static int line(Document document, int offset) {
        Lines lines = LINES.get(document);
        if (lines == null) {
            lines = new Lines(document.getChars());
            document.set(LINES, lines);
        }
        return lines.line(offset);
    }
}
