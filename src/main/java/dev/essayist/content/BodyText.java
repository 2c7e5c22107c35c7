package dev.essayist.content;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Plain-text facts of a rendered body: its words, a heading's text, a cut at a word boundary. */
final class BodyText {

    private static final Evaluator ANCHORS = QueryParser.parse("a.anchor");

    private BodyText() {
    }

    /** @return the number of words: what {@code text.strip().split("\\s+").length} counts, without the regex */
    static int countWords(String text) {
        String t = text.strip();
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            boolean space = isRegexSpace(t.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** {@code \s} in a Java regex: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static String headingText(Element heading) {
        Element copy = heading.clone();
        copy.select(ANCHORS).remove();
        return copy.text();
    }

    /**
     * @param text  plain text
     * @param limit the most characters to keep
     * @return the text cut at a word boundary with an ellipsis when longer than {@code limit}
     */
    static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = text.lastIndexOf(' ', limit - 1);
        return text.substring(0, cut > limit / 2 ? cut : limit - 1).stripTrailing() + "…";
    }
}
