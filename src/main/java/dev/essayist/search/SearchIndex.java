package dev.essayist.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index behind {@code /search}: an Apache Lucene index of every post's title,
 * summary and plain-text body, kept beside the H2 file ({@code <index>-search/}, or in memory when
 * the H2 index is in memory).
 *
 * <p>Why Lucene and not H2's own full-text search (issue 6): H2's {@code FullText} triggers wrote
 * about a thousand word rows per essay inside the reindex transaction, about two thirds of a cold
 * index's time (57 of 83 s for 10,000 essays). Lucene indexes the same text outside the row
 * transaction, on another core while the rows are written, in a few compressed files (about 2 s of
 * CPU for 10,000 essays when only word occurrence is indexed). H2's {@code FullTextLucene} was not
 * taken: it also runs as a per-row trigger inside the transaction, and is built against an older
 * Lucene than the 9.x line this uses (the last that runs on JDK 17).
 *
 * <p>How readers never see a half-indexed site (DESIGN.md invariant 2): while the reindex writes
 * its rows, {@link #prepare} stages the new documents (invisible to readers); only after the row
 * commit does {@link #publish} commit them, and readers keep searching the previous complete commit
 * until the new one is published in one step ({@link SearcherManager}); if the rows fail,
 * {@link #discard} drops what was staged. And every hit is checked against the committed rows at query time:
 * a document counts only if a post with the same file and the same SHA-256 is in the index and is
 * published now ({@code PostRepository.PUBLISHED}), so drafts, future essays (invariant 5), deleted
 * and changed essays are never found, even in the moment between the row commit and the swap.
 *
 * <p>After a crash between those two commits the Lucene index is behind the rows. Each row commit
 * stores a new random state token in {@code index_meta} ({@link #STATE_ROW}), and each Lucene commit
 * the token it matches; when they differ on opening, the Lucene index is rebuilt from the rows
 * (bodies from the stored HTML), with one INFO line.
 *
 * <p>Words: runs of letters and digits ({@code \p{L}\p{N}}), compared in lower case, exactly as
 * {@link SearchQuery} splits a query and {@link SearchRanking} marks it; every word must occur
 * (in the title, summary or body). Thread-safe.
 */
@Singleton
public class SearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    /** The {@code index_meta} row holding the state token of the last row commit. */
    public static final String STATE_ROW = "search-state";

    private static final String PATH = "path";
    private static final String HASH = "hash";
    private static final String WORDS = "words";
    private static final String BODY = "body";
    private static final String PUBLISHED = "published";
    private static final String VISIBLE = "visible";
    private static final String STATE = "state";

    /**
     * The words of a document: only whether a word occurs is indexed (no frequencies, positions or
     * length norms), since {@link SearchRanking} ranks the hits itself; indexing costs about half.
     */
    private static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer words = CharTokenizer.fromTokenCharPredicate(SearchIndex::isWordChar);
            return new TokenStreamComponents(words, new LowerCaseFilter(words));
        }
    };

    private final TransactionOperations<Connection> tx;
    private final SearchRepository rows;
    private Directory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;

    SearchIndex(TransactionOperations<Connection> tx, SearchRepository rows) {
        this.tx = tx;
        this.rows = rows;
    }

    /**
     * One post's search document.
     *
     * @param path        the file ({@code post.source_path})
     * @param hash        the file's SHA-256 ({@code post.source_hash})
     * @param title       plain-text title
     * @param summary     plain-text summary
     * @param body        the body as plain text
     * @param publishedAt first publication time (newest first among matches)
     * @param visibleFrom when readers may see it ({@code post.visible_from}); {@code null}: never
     */
    public record Doc(String path, String hash, String title, String summary, String body, Instant publishedAt,
                      @Nullable Instant visibleFrom) {
    }

    /** @return a new state token, to store in {@code index_meta} ({@link #STATE_ROW}) with a row commit */
    public static String newState() {
        return UUID.randomUUID().toString();
    }

    /**
     * Stages the changes of a reindex: adds and removes documents without publishing them, so it
     * can run while the rows are written. Readers see nothing of it until {@link #publish}. Called
     * by the indexer only, one reindex at a time, and followed by {@link #publish} once the rows
     * are committed or by {@link #discard} when they are not.
     *
     * @param removed files whose posts leave the index or are rewritten
     * @param added   the documents of the posts being written (each replaces its file's old one)
     * @throws UncheckedIOException if Lucene cannot write; the staged changes are then dropped
     */
    public synchronized void prepare(Collection<String> removed, List<Doc> added) {
        open();
        try {
            for (String path : removed) {
                writer.deleteDocuments(new Term(PATH, path));
            }
            // IndexWriter takes documents from many threads at once: analysis runs on every core.
            added.parallelStream().forEach(doc -> {
                try {
                    writer.updateDocument(new Term(PATH, doc.path()), document(doc));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            closeQuietly();
            throw e instanceof UncheckedIOException u ? u : new UncheckedIOException("cannot update the search index", (IOException) e);
        }
    }

    /**
     * Commits what {@link #prepare} staged and publishes it to readers in one step, after the
     * row commit that stored {@code state}.
     *
     * @param state the token the row commit stored (see {@link #newState()})
     * @throws UncheckedIOException if Lucene cannot commit; searching goes on from the last
     *                              complete commit (filtered against the rows), and the next
     *                              opening finds the tokens differ and rebuilds
     */
    public synchronized void publish(String state) {
        if (writer == null) {
            throw new UncheckedIOException(new IOException("the search index was closed after a failed update"));
        }
        try {
            commit(state);
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot commit the search index", e);
        }
    }

    /** Drops what {@link #prepare} staged, when the rows it was for were not committed. */
    public synchronized void discard() {
        closeQuietly(); // Rolls back to the last commit, which matches the rows; reopened on next use.
    }

    /**
     * @param query a query with at least one word
     * @param now   the current time
     * @param limit the most hits
     * @return published posts containing every word, newest first, at most {@code limit}
     */
    public List<SearchHit> search(SearchQuery query, Instant now, int limit) {
        List<String> terms = terms(query.words());
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.forEach(t -> builder.add(new TermQuery(new Term(WORDS, t)), BooleanClause.Occur.MUST));
        builder.add(LongPoint.newRangeQuery(VISIBLE, Long.MIN_VALUE, now.toEpochMilli()), BooleanClause.Occur.FILTER);
        Map<String, String[]> found = new LinkedHashMap<>();
        SearcherManager manager = searchers();
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
        try {
            Sort newest = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true));
            var stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(builder.build(), limit, newest).scoreDocs) {
                Document doc = stored.document(hit.doc);
                found.put(doc.get(PATH), new String[] {doc.get(HASH), doc.get(BODY)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        } finally {
            release(manager, searcher);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, SearchRow> byPath = new HashMap<>();
        rows.findPublishedByPaths(found.keySet(), now).forEach(r -> byPath.put(r.sourcePath(), r));
        List<SearchHit> hits = new ArrayList<>();
        found.forEach((path, hashAndBody) -> {
            SearchRow row = byPath.get(path);
            if (row != null && row.sourceHash().equals(hashAndBody[0])) {
                hits.add(new SearchHit(row.id(), row.slug(), row.path(), row.title(), row.summary(), row.publishedAt(),
                        row.updatedAt(), row.readingMinutes(), hashAndBody[1]));
            }
        });
        return hits;
    }

    /**
     * @param words words as {@link SearchQuery} gives them
     * @return the index terms they make (the same analysis as the documents)
     */
    static List<String> terms(List<String> words) {
        List<String> terms = new ArrayList<>();
        for (String word : words) {
            try (TokenStream tokens = ANALYZER.tokenStream(WORDS, word)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    terms.add(term.toString());
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot analyse a query word", e);
            }
        }
        return terms;
    }

    /** A word character: a letter or a digit in the sense of {@code \p{L}} and {@code \p{N}}. */
    static boolean isWordChar(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static Document document(Doc doc) {
        Document d = new Document();
        d.add(new StringField(PATH, doc.path(), Field.Store.YES));
        d.add(new StoredField(HASH, doc.hash()));
        d.add(new Field(WORDS, doc.title() + "\n" + doc.summary() + "\n" + doc.body(), WORDS_TYPE));
        d.add(new StoredField(BODY, doc.body()));
        d.add(new NumericDocValuesField(PUBLISHED, doc.publishedAt().toEpochMilli()));
        d.add(new LongPoint(VISIBLE, doc.visibleFrom() == null ? Long.MAX_VALUE : doc.visibleFrom().toEpochMilli()));
        return d;
    }

    private SearcherManager searchers() {
        SearcherManager manager = searchers;
        if (manager == null) {
            synchronized (this) {
                open();
                manager = searchers;
            }
        }
        return manager;
    }

    private static void release(SearcherManager manager, IndexSearcher searcher) {
        try {
            manager.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a search index reader", e);
        }
    }

    /**
     * Opens the index once: on disk beside a file H2 index, in memory beside an in-memory one;
     * rebuilt from the rows when its state token is not the rows' (a crash, a rebuilt H2 file).
     * The indexer calls it before it commits rows, so that a kept index is compared with the rows
     * it was made for; searching opens it too.
     *
     * @throws UncheckedIOException if the index cannot be opened or rebuilt
     */
    public synchronized void open() {
        if (writer != null) {
            return;
        }
        try {
            var stored = tx.executeRead(status -> {
                Connection c = status.getConnection();
                return new String[] {c.getMetaData().getURL(), state(c)};
            });
            Path folder = folder(stored[0]);
            directory = folder == null ? new ByteBuffersDirectory() : FSDirectory.open(folder);
            IndexWriterConfig config = new IndexWriterConfig(ANALYZER)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(48);
            writer = new IndexWriter(directory, config);
            String indexed = writer.getLiveCommitData() == null ? null : liveState();
            if (stored[1] == null || !stored[1].equals(indexed)) {
                if (indexed != null || writer.getDocStats().numDocs > 0) {
                    LOG.info("Search index {} is not in step with the rows; rebuilding it from them",
                            folder == null ? "(in memory)" : folder);
                }
                rebuild(stored[1]);
            } else if (!DirectoryReader.indexExists(directory)) {
                commit(stored[1]);
            }
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    private String liveState() {
        for (var entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(STATE)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private void rebuild(@Nullable String state) throws IOException {
        writer.deleteAll();
        List<Doc> docs = tx.executeRead(status -> {
            List<Doc> all = new ArrayList<>();
            try (PreparedStatement query = status.getConnection().prepareStatement(
                    "SELECT source_path, source_hash, title, summary, html, published_at, visible_from FROM post");
                 ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    var visible = row.getObject(7, java.time.OffsetDateTime.class);
                    all.add(new Doc(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getObject(6, java.time.OffsetDateTime.class).toInstant(),
                            visible == null ? null : visible.toInstant()));
                }
            }
            return all;
        });
        docs.parallelStream().forEach(d -> {
            try {
                // The same text the renderer extracted: the body HTML's text.
                String text = Jsoup.parseBodyFragment(d.body()).body().text();
                writer.addDocument(document(new Doc(d.path(), d.hash(), d.title(), d.summary(), text, d.publishedAt(),
                        d.visibleFrom())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        commit(state == null ? "" : state);
    }

    private void commit(String state) throws IOException {
        writer.setLiveCommitData(Map.of(STATE, state).entrySet());
        writer.commit();
        if (searchers != null) {
            searchers.maybeRefreshBlocking();
        }
    }

    /** @return the state token of the rows, or {@code null} when none was stored yet */
    private static String state(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT setting FROM index_meta WHERE name = ?")) {
            query.setString(1, STATE_ROW);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /**
     * @param url the H2 JDBC URL in use
     * @return the folder beside a file index ({@code .essayist/index} gives {@code .essayist/index-search}),
     * or {@code null} for any other index (memory, server): then the search index lives in memory
     */
    static Path folder(String url) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            return null;
        }
        String rest = url.substring(prefix.length());
        int semicolon = rest.indexOf(';');
        Path base = Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)).toAbsolutePath().normalize();
        // Not "index.": IndexStore deletes the files "index.*" when it throws the H2 index away.
        return base.resolveSibling(base.getFileName() + "-search");
    }

    @PreDestroy
    synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the search index cleanly: {}", e.toString());
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    /** After a failed update: drops the writer and readers, so the next use opens and rebuilds. */
    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close(); // A search holding a reader keeps it until it releases it.
            }
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot roll back the search index: {}", e.toString());
        }
        searchers = null;
        writer = null;
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the search index folder: {}", e.toString());
        }
        directory = null;
    }
}
