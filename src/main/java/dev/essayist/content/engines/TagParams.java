package dev.essayist.content.engines;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A tag's parameters as Hugo's shortcode documentation writes them (and Liquid's tag markup, read
 * the same way): positional or {@code name=value}, each value quoted ({@code "…"} with {@code \"}
 * escapes, {@code `…`} raw, or {@code '…'}) or bare, separated by white space.
 */
final class TagParams {

    private TagParams() {
    }

    /** @return the parameters in {@code text}; a quote left open runs to the end */
    static List<Tag.Param> read(BasedSequence text) {
        List<Tag.Param> params = new ArrayList<>();
        int to = text.length();
        int i = Tag.skipSpace(text, 0, to);
        while (i < to) {
            int valueStart = i;
            String name = null;
            int end = token(text, i, to, true);
            if (end < to && text.charAt(end) == '=' && text.charAt(i) != '"' && text.charAt(i) != '`') {
                name = text.subSequence(i, end).toString();
                valueStart = end + 1;
                end = valueStart < to ? token(text, valueStart, to, false) : valueStart;
            }
            params.add(new Tag.Param(name, text.subSequence(valueStart, end)));
            i = Tag.skipSpace(text, end, to);
        }
        return List.copyOf(params);
    }

    /** @return the end of the token at {@code i}: a quoted string, or a run up to space (or {@code =} when a name may end there) */
    private static int token(BasedSequence text, int i, int to, boolean mayBeName) {
        char c = text.charAt(i);
        if (c == '"' || c == '`' || c == '\'') {
            for (int j = i + 1; j < to; j++) {
                if (text.charAt(j) == '\\' && c == '"') {
                    j++;
                } else if (text.charAt(j) == c) {
                    return j + 1;
                }
            }
            return to;
        }
        int j = i;
        while (j < to && !Character.isWhitespace(text.charAt(j)) && !(mayBeName && text.charAt(j) == '=')) {
            j++;
        }
        return j;
    }
}
