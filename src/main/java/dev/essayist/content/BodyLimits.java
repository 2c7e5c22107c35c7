package dev.essayist.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits on a Markdown body's structure, checked before it is rendered, so that no file of a few
 * kilobytes can hold the indexer for minutes or exhaust its stack (design.md invariant 9). Each
 * limit sits far above what an essay needs, and below the size at which flexmark's cost grows out
 * of hand: its character references ({@code &amp;}), link reference definitions, footnotes and
 * unclosed link destinations ({@code [a](}) each cost time proportional to the rest of the body,
 * so their count multiplies (20,000 {@code &amp;} took 11 s here; 5,000 definitions, 7 s); and
 * blockquotes or lists nested a thousand deep recurse past any thread's stack.
 */
final class BodyLimits {

    /** Most blockquote and list markers that may open on one line ({@code > > - x} is three). */
    static final int MAX_NESTING = 32;
    /** Most character references ({@code &amp;}, {@code &#8212;}) in one body. */
    static final int MAX_ENTITIES = 5_000;
    /** Most link reference definitions ({@code [name]: /url}) in one body. */
    static final int MAX_DEFINITIONS = 2_000;
    /** Most footnote definitions ({@code [^1]: text}) in one body. */
    static final int MAX_FOOTNOTES = 1_000;
    /** Most link destinations opened ({@code ](}) in one body. */
    static final int MAX_LINKS = 5_000;

    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private BodyLimits() {
    }

    /**
     * @param source the split file
     * @throws ContentException naming the first line over a limit, e.g.
     *                          {@code blockquotes and lists nested 40 levels deep on one line; the limit is 32}
     */
    static void check(SourceFile source) throws ContentException {
        String body = source.body();
        count(source, ENTITY.matcher(body), MAX_ENTITIES, "character references (such as &amp;)");
        count(source, "](", MAX_LINKS, "link destinations ('](')");
        int definitions = 0;
        int footnotes = 0;
        String fence = null;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher opening = FENCE.matcher(line);
            if (opening.find()) {
                String marker = opening.group(1);
                if (fence == null) {
                    fence = marker;
                    continue;
                }
                if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
                    fence = null;
                    continue;
                }
            }
            if (fence != null) {
                continue;
            }
            String start = line.stripLeading();
            if (start.startsWith("[^") && start.contains("]:")) {
                footnotes++;
            } else if (start.startsWith("[") && start.contains("]:")) {
                definitions++;
            }
            int depth = depth(line);
            if (depth > MAX_NESTING) {
                throw error(source, i, "blockquotes and lists nested " + depth + " levels deep on one line; the limit is " + MAX_NESTING);
            }
            if (definitions > MAX_DEFINITIONS) {
                throw error(source, i, "more than " + MAX_DEFINITIONS + " link reference definitions ('[name]: url')");
            }
            if (footnotes > MAX_FOOTNOTES) {
                throw error(source, i, "more than " + MAX_FOOTNOTES + " footnote definitions ('[^name]: text')");
            }
        }
    }

    /** @return how many blockquote ({@code >}) and list ({@code -}, {@code 1.}) markers open the line */
    static int depth(String line) {
        int n = line.length();
        int i = skipBlanks(line, 0);
        int depth = 0;
        while (i < n) {
            char c = line.charAt(i);
            int next;
            if (c == '>') {
                next = i + 1;
            } else if ((c == '-' || c == '+' || c == '*') && (i + 1 == n || isBlank(line.charAt(i + 1)))) {
                next = i + 1;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && j - i < 9 && Character.isDigit(line.charAt(j))) {
                    j++;
                }
                if (j < n && (line.charAt(j) == '.' || line.charAt(j) == ')') && (j + 1 == n || isBlank(line.charAt(j + 1)))) {
                    next = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
            depth++;
            i = skipBlanks(line, next);
        }
        return depth;
    }

    private static int skipBlanks(String line, int from) {
        int i = from;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static void count(SourceFile source, Matcher matcher, int limit, String what) throws ContentException {
        int found = 0;
        while (matcher.find()) {
            if (++found > limit) {
                throw error(source, lineOf(source.body(), matcher.start()), "more than " + limit + " " + what);
            }
        }
    }

    private static void count(SourceFile source, String needle, int limit, String what) throws ContentException {
        int found = 0;
        for (int at = source.body().indexOf(needle); at >= 0; at = source.body().indexOf(needle, at + 1)) {
            if (++found > limit) {
                throw error(source, lineOf(source.body(), at), "more than " + limit + " " + what);
            }
        }
    }

    /** @return the 0-based body line of a character offset */
    private static int lineOf(String body, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (body.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static ContentException error(SourceFile source, int bodyLine, String message) {
        return new ContentException(ContentProblem.error(source.name(), source.bodyLine() + bodyLine,
                message + "; this file is not rendered"));
    }
}
