package dev.essayist.search;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Searches the published essays: Lucene ranks every published post of the whole archive by BM25
 * over title, tags, summary and body ({@link SearchDocuments#WEIGHTS}), newest first among equal
 * scores, counts all matches exactly, and cuts a snippet for each result of the page asked for.
 * Only posts the rows call published are found ({@link PublishedPosts}), and each hit is checked
 * against its row when shown: a post that changed or left since the filter was taken is left out
 * (DESIGN.md invariant 5).
 */
@Singleton
public class EssaySearch {

    /** Best first; among equal scores, the newest first. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE,
            new SortField(SearchDocuments.PUBLISHED, SortField.Type.LONG, true));

    private final SearchReaders readers;
    private final PublishedPosts published;
    private final SearchRepository rows;

    EssaySearch(SearchReaders readers, PublishedPosts published, SearchRepository rows) {
        this.readers = readers;
        this.published = published;
        this.rows = rows;
    }

    /**
     * A post on the page, as the index has it.
     *
     * @param path    its file
     * @param hash    its file's SHA-256, as indexed
     * @param snippet its snippet
     */
    private record Match(String path, String hash, String snippet) {
    }

    /**
     * @param matches this page's posts, best first
     * @param total   every published post that matches
     */
    private record Page(List<Match> matches, long total) {
    }

    /**
     * @param query  a query, not {@link SearchQuery#isEmpty() empty}
     * @param now    the current time: what is published
     * @param offset results to skip (earlier pages), at least 0
     * @param limit  the most results on this page, at least 1
     * @return this page's results and the number of all
     */
    public SearchResults search(SearchQuery query, Instant now, int offset, int limit) {
        Query scored = query.lucene();
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(scored, BooleanClause.Occur.MUST)
                .add(published.at(now).query(), BooleanClause.Occur.FILTER);
        query.tags().forEach(tag -> builder.add(new TermQuery(new Term(SearchDocuments.TAG, tag)), BooleanClause.Occur.FILTER));
        Query filtered = builder.build();
        Page page = readers.read(searcher -> {
            // Every match is counted (no early termination): pages and totals are exact. The queue
            // is never longer than the index, however far a page is asked for.
            int wanted = Math.max(1, Math.min(offset + limit, searcher.getIndexReader().maxDoc()));
            TopFieldDocs top = searcher.search(filtered, new TopFieldCollectorManager(ORDER, wanted, null,
                    Integer.MAX_VALUE, false));
            ScoreDoc[] docs = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length), top.scoreDocs.length);
            String[] snippets = Snippets.of(searcher, scored, new TopDocs(top.totalHits, docs));
            StoredFields stored = searcher.storedFields();
            List<Match> matches = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                Document doc = stored.document(docs[i].doc, Set.of(SearchDocuments.PATH, SearchDocuments.HASH));
                matches.add(new Match(doc.get(SearchDocuments.PATH), doc.get(SearchDocuments.HASH),
                        snippets[i] == null ? "" : snippets[i]));
            }
            return new Page(matches, top.totalHits.value);
        }).orElse(null);
        if (page == null) {
            return SearchResults.UNAVAILABLE;
        }
        if (page.matches().isEmpty()) {
            return new SearchResults(page.total(), List.of(), true);
        }
        Map<String, SearchRow> byPath = new HashMap<>();
        rows.findPublishedByPaths(page.matches().stream().map(Match::path).toList(), now)
                .forEach(r -> byPath.put(r.sourcePath(), r));
        List<SearchHit> hits = new ArrayList<>();
        for (Match match : page.matches()) {
            SearchRow row = byPath.get(match.path());
            if (row != null && row.sourceHash().equals(match.hash())) {
                hits.add(new SearchHit(row.id(), row.slug(), row.path(), row.title(), row.summary(), row.publishedAt(),
                        row.updatedAt(), row.readingMinutes(), match.snippet()));
            }
        }
        return new SearchResults(page.total(), hits, true);
    }
}
