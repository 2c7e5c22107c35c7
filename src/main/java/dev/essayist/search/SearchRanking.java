package dev.essayist.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders search hits and cuts a snippet around the words found.
 *
 * <p>{@link SearchIndex} only says whether a document matches (newest first), so the rank is computed
 * here: each occurrence of a searched word (whole word, any case) counts {@link #TITLE_WEIGHT} in
 * the title, {@link #SUMMARY_WEIGHT} in the summary and 1 in the body, where at most
 * {@link #BODY_CAP} occurrences per word count so that length alone does not win. Ties go to the
 * newer essay.
 */
final class SearchRanking {

    static final int TITLE_WEIGHT = 10;
    static final int SUMMARY_WEIGHT = 4;
    static final int BODY_CAP = 20;
    /** Characters of body text in a snippet, about two lines. */
    static final int SNIPPET_CHARS = 220;

    private final Pattern words;

    /**
     * @param query a non-empty query
     */
    SearchRanking(SearchQuery query) {
        this.words = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", query.words().stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * A piece of a snippet.
     *
     * @param text  plain text (escaped by the template)
     * @param match whether it is a searched word (shown highlighted)
     */
    record Part(String text, boolean match) {
    }

    /**
     * @param hits matching posts
     * @return the hits, best first
     */
    List<SearchHit> rank(List<SearchHit> hits) {
        return hits.stream().sorted(Comparator.comparingInt(this::score).reversed()
                .thenComparing(SearchHit::publishedAt, Comparator.reverseOrder())).toList();
    }

    int score(SearchHit hit) {
        return TITLE_WEIGHT * count(hit.title(), Integer.MAX_VALUE) + SUMMARY_WEIGHT * count(hit.summary(), Integer.MAX_VALUE)
                + count(hit.body(), BODY_CAP);
    }

    private int count(String text, int cap) {
        Matcher m = words.matcher(text);
        int n = 0;
        while (n < cap && m.find()) {
            n++;
        }
        return n;
    }

    /**
     * @param text plain text, e.g. a body
     * @return about {@link #SNIPPET_CHARS} characters around the first searched word, cut at
     *         spaces, as parts with every searched word marked; the text's start when no word occurs
     */
    List<Part> snippet(String text) {
        Matcher m = words.matcher(text);
        int first = m.find() ? m.start() : 0;
        int start = Math.max(0, first - SNIPPET_CHARS / 3);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : start;
        }
        int end = Math.min(text.length(), start + SNIPPET_CHARS);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > first ? space : end;
        }
        List<Part> parts = new ArrayList<>();
        if (start > 0) {
            parts.add(new Part("… ", false));
        }
        m.region(start, end);
        int at = start;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), false));
            }
            parts.add(new Part(m.group(), true));
            at = m.end();
        }
        if (at < end) {
            parts.add(new Part(text.substring(at, end), false));
        }
        if (end < text.length()) {
            parts.add(new Part(" …", false));
        }
        return parts;
    }
}
