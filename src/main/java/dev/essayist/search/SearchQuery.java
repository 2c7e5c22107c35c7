package dev.essayist.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a reader typed into the search field, reduced to the words that are searched.
 *
 * <p>Words are runs of letters and digits; everything else (quotes, {@code %}, {@code '},
 * operators) separates words and is never passed on, so no query can be malformed. Matching is
 * case-insensitive; every word must occur. At most {@link #MAX_WORDS} words, from at most the
 * first {@link #MAX_CHARS} characters, are used: a longer query is cut rather than refused.
 *
 * @param text  the query as typed (stripped, cut to {@link #MAX_CHARS}), for showing back
 * @param words the distinct lower-case words searched, in order
 */
public record SearchQuery(String text, List<String> words) {

    /** The most characters of a query that are read. */
    public static final int MAX_CHARS = 500;
    /** The most words searched. */
    public static final int MAX_WORDS = 12;

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * @param raw the {@code q} parameter, possibly {@code null}, empty or very long
     * @return the query; {@link #isEmpty()} when it has no word
     */
    public static SearchQuery parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        List<String> words = Arrays.stream(SEPARATORS.split(text.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList();
        return new SearchQuery(text, words);
    }

    /** @return whether there is no word to search */
    public boolean isEmpty() {
        return words.isEmpty();
    }
}
