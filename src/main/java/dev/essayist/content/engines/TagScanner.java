package dev.essayist.content.engines;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@link Tag}s of one text, asked at increasing positions, in time linear in the text:
 * each tag ends at the first closing delimiter after it ({@code %}}, {@code }}}, {@code >}}} or
 * {@code %}}}, as Liquid's and Hugo's lexers end them) within {@link Tag#MAX_LENGTH} characters,
 * and where that delimiter is is remembered, so a body full of openers that never close is read
 * once rather than once per opener (design.md invariant 9).
 */
final class TagScanner {

    private static final Pattern LIQUID_NAME = Pattern.compile("[A-Za-z_][\\w-]*");
    // Repetitions are bounded: Java's regex engine recurses once per repetition of a group.
    private static final Pattern SHORTCODE_NAME = Pattern.compile("/?\\s*([A-Za-z0-9_][\\w.-]{0,99}(?:/[\\w.-]{1,99}){0,9})");
    private static final Pattern OBJECT = Pattern.compile(
            "(?s)\\s*(?:(site|page|layout|include|jekyll|paginator)(?:\\.[\\w-]+|\\[[^\\]]*\\]){0,32}"
                    + "|('[^']*'|\"[^\"]*\")(?=\\s*\\|))\\s*(?:\\|.*)?");

    private final BasedSequence text;
    private final Closer liquidClose = new Closer("%}");
    private final Closer objectClose = new Closer("}}");
    private final Closer angleClose = new Closer(">}}");
    private final Closer percentClose = new Closer("%}}");
    private final Closer commentClose = new Closer("*/");

    /** @param text the text to look in */
    TagScanner(BasedSequence text) {
        this.text = text;
    }

    /** @return the text looked in */
    BasedSequence text() {
        return text;
    }

    /**
     * @param start the index of a {@code {}
     * @return the tag starting there, or {@code null} when none does
     */
    Tag at(int start) {
        if (start + 3 >= text.length() || text.charAt(start) != '{') {
            return null;
        }
        char second = text.charAt(start + 1);
        if (second == '%') {
            return liquid(start);
        }
        if (second != '{') {
            return null;
        }
        char third = text.charAt(start + 2);
        return third == '<' ? shortcode(start, '<', angleClose) : third == '%' ? shortcode(start, '%', percentClose) : object(start);
    }

    private Tag liquid(int start) {
        int close = liquidClose.after(start + 2);
        if (close < 0) {
            return null;
        }
        int from = Tag.skipSpace(text, start + 2 + (text.charAt(start + 2) == '-' ? 1 : 0), close);
        int to = close > from && text.charAt(close - 1) == '-' ? close - 1 : close;
        Matcher name = LIQUID_NAME.matcher(text.subSequence(from, to));
        if (!name.lookingAt()) {
            return null;
        }
        return new Tag(Tag.Kind.LIQUID, name.group(), false, text.subSequence(start, close + 2), close + 2,
                text.subSequence(from + name.end(), to));
    }

    private Tag object(int start) {
        int close = objectClose.after(start + 2);
        if (close < 0) {
            return null;
        }
        int from = start + 2 + (text.charAt(start + 2) == '-' ? 1 : 0);
        int to = close > from && text.charAt(close - 1) == '-' ? close - 1 : close;
        Matcher m = OBJECT.matcher(text.subSequence(from, to));
        if (!m.matches()) {
            return null;
        }
        return new Tag(Tag.Kind.LIQUID_OBJECT, m.group(1) != null ? m.group(1) : "string", false,
                text.subSequence(start, close + 2), close + 2, text.subSequence(from, to).trim());
    }

    private Tag shortcode(int start, char delimiter, Closer closer) {
        int from = Tag.skipSpace(text, start + 3, Math.min(text.length(), start + Tag.MAX_LENGTH));
        if (from + 1 < text.length() && text.charAt(from) == '/' && text.charAt(from + 1) == '*') {
            int comment = commentClose.after(from + 2);
            int end = comment < 0 ? -1 : Tag.skipSpace(text, comment + 2, text.length());
            if (end < 0 || end + 3 > text.length() || !text.subSequence(end, end + 3).equals(delimiter == '<' ? ">}}" : "%}}")) {
                return null;
            }
            return new Tag(Tag.Kind.SHORTCODE_COMMENT, "", false, text.subSequence(start, end + 3), end + 3,
                    text.subSequence(from + 2, comment));
        }
        int close = closer.after(from);
        if (close < 0) {
            return null;
        }
        Matcher name = SHORTCODE_NAME.matcher(text.subSequence(from, close));
        if (!name.lookingAt()) {
            return null;
        }
        int to = close;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        boolean closing = text.charAt(from) == '/';
        if (!closing && to > from + name.end() && text.charAt(to - 1) == '/') {
            to--; // self-closing {{< name />}}
        }
        Tag.Kind kind = delimiter == '%' ? Tag.Kind.SHORTCODE_MARKDOWN : Tag.Kind.SHORTCODE;
        return new Tag(kind, name.group(1), closing, text.subSequence(start, close + 3), close + 3,
                text.subSequence(from + name.end(), Math.max(to, from + name.end())));
    }

    /**
     * Where one closing delimiter next occurs, remembered between questions: asked at increasing
     * positions, every character is looked at about once.
     */
    private final class Closer {
        private final String delimiter;
        private int from = -1;
        private int found = -1;
        private int searchedTo = -1;

        Closer(String delimiter) {
            this.delimiter = delimiter;
        }

        /** @return the index of the delimiter at or after {@code at} and within {@link Tag#MAX_LENGTH} of it, or -1 */
        int after(int at) {
            int limit = Math.min(text.length(), at + Tag.MAX_LENGTH + delimiter.length());
            if (from >= 0 && at >= from) {
                if (found >= at) {
                    return found <= at + Tag.MAX_LENGTH ? found : -1;
                }
                if (found < 0 && at < searchedTo && limit <= searchedTo) {
                    return -1;
                }
            }
            int scanFrom = from >= 0 && at >= from && found < 0 && at < searchedTo ? Math.max(at, searchedTo - delimiter.length()) : at;
            int index = find(scanFrom, limit);
            from = at;
            found = index;
            searchedTo = limit;
            return index;
        }

        /** @return where the delimiter starts in {@code text[start, limit)}, or -1 (BasedSequence's own indexOf looks past its limit) */
        private int find(int start, int limit) {
            char first = delimiter.charAt(0);
            for (int i = start; i + delimiter.length() <= limit; i++) {
                if (text.charAt(i) == first && matchesAt(i)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean matchesAt(int i) {
            for (int k = 1; k < delimiter.length(); k++) {
                if (text.charAt(i + k) != delimiter.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }
}
