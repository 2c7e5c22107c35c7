package dev.essayist.search;

import dev.essayist.content.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * What a reader typed into the search field: the words, phrases and prefixes searched (see
 * {@link EssayQueryParser}) and the tags the results must carry ({@code tag:postgresql}).
 *
 * <p>Nothing a reader types is an error. The query is cut to its first {@link #MAX_CHARS}
 * characters and, of those, the first {@link #MAX_PARTS} parts separated by white space are
 * searched (a longer query is cut, not refused), so no query is slow. A part {@code tag:x} names
 * a tag by its name or slug ({@code tag:PostgreSQL}, {@code tag:time-zones}); the other parts are
 * searched.
 *
 * @param text  the query as typed (stripped, cut to {@link #MAX_CHARS}), for showing back
 * @param words the parts searched, joined by spaces; may be empty
 * @param tags  the slugs of the tags every result carries, distinct, in order
 */
public record SearchQuery(String text, String words, List<String> tags) {

    /** The most characters of a query that are read. */
    public static final int MAX_CHARS = 500;
    /** The most parts (words, phrase words, prefixes, tags) searched. */
    public static final int MAX_PARTS = 12;

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TAG = Pattern.compile("(?i)tag:(.+)");

    /**
     * @param raw the {@code q} parameter, possibly {@code null}, empty, malformed or very long
     * @return the query; {@link #isEmpty()} when it has neither a word nor a tag
     */
    public static SearchQuery parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String part : SPACE.split(text)) {
            if (part.isEmpty() || words.size() + tags.size() == MAX_PARTS) {
                continue;
            }
            var tag = TAG.matcher(part);
            String slug = tag.matches() ? Slugs.of(tag.group(1)) : "";
            if (slug.isEmpty()) {
                words.add(part);
            } else if (!tags.contains(slug)) {
                tags.add(slug);
            }
        }
        return new SearchQuery(text, String.join(" ", words), List.copyOf(tags));
    }

    /** @return whether there is nothing to search: no letter or digit outside tags, and no tag */
    public boolean isEmpty() {
        return !hasWords() && tags.isEmpty();
    }

    /** @return whether a word is searched (not only tags) */
    boolean hasWords() {
        return words.codePoints().anyMatch(EssayAnalyzer::isWordChar);
    }

    /** @return the Lucene query of the words (scored), or all documents when only tags were given */
    Query lucene() {
        return hasWords() ? new EssayQueryParser().parse(words) : new MatchAllDocsQuery();
    }

    /**
     * @param slug a tag's slug
     * @return the query text narrowed to that tag as well, for a link
     */
    public String narrowedTo(String slug) {
        return (text + " tag:" + slug.toLowerCase(Locale.ROOT)).strip();
    }
}
