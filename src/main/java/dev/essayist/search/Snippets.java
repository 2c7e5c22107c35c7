package dev.essayist.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.EnumSet;
import java.util.Locale;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;

/**
 * The snippet under each result: about {@link #CHARS} characters of the body around its best
 * match, cut at word boundaries, with every word found marked {@code <mark>}, by Lucene's
 * {@link UnifiedHighlighter}: it marks exactly the words, stems, prefixes and phrases that
 * matched, finding them by the offsets stored in the body's postings (a prefix, which names no
 * term in advance, by analysing the body again). The text is HTML-escaped by Lucene's
 * {@link DefaultPassageFormatter} (OWASP's rules), so a snippet is safe to insert as HTML. A
 * result that matched only in its title, summary or tags shows the start of its body.
 */
final class Snippets {

    /** Characters of body text in a snippet, about two lines. */
    static final int CHARS = 220;
    /** The most characters of a body searched for the snippet's passage. */
    static final int MAX_LENGTH = 1_000_000;

    private static final DefaultPassageFormatter FORMATTER = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true) {
        @Override
        public String format(Passage[] passages, String content) {
            if (passages.length == 0) {
                return "";
            }
            String lead = passages[0].getStartOffset() > 0 ? "… " : "";
            String tail = passages[passages.length - 1].getEndOffset() < content.length() ? " …" : "";
            return lead + super.format(passages, content).strip() + tail;
        }
    };

    private Snippets() {
    }

    /**
     * @param searcher the searcher the results came from
     * @param query    the scored query (filters aside)
     * @param page     the results to cut snippets for
     * @return one HTML snippet per result, in order
     * @throws IOException if the index cannot be read
     */
    static String[] of(IndexSearcher searcher, Query query, TopDocs page) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, EssayAnalyzer.STEMMED)
                .withFormatter(FORMATTER)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), CHARS, 0.3f))
                // Every match is marked where it is, whether or not the others occur in the body.
                .withFlags(EnumSet.of(HighlightFlag.PHRASES, HighlightFlag.MULTI_TERM_QUERY))
                .withMaxLength(MAX_LENGTH)
                .withMaxNoHighlightPassages(1)
                .build();
        return highlighter.highlight(SearchDocuments.BODY, query, page, 1);
    }
}
