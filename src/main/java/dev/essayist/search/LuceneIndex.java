package dev.essayist.search;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opening of the Lucene index behind {@link SearchIndex}: its storage ({@link SearchStorage}),
 * the single writer that stages and commits, and the readers of the last commit
 * ({@link SearcherManager}). Opening it compares the index with the rows and rebuilds it from them
 * when they are not in step or it could not be read; {@link SearchIndex} decides when to open,
 * commit and close, and what a failure means for a reindex.
 *
 * <p>Not thread-safe on its own: {@link SearchIndex} calls it under its lock. Only
 * {@link #searchers()}, {@link #where()} and {@link #rebuilding()} are read without it, by searches
 * and {@code /health}.
 */
final class LuceneIndex {

    // Logged under the search index's name, as these lines always were.
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final SearchRepository rows;
    private final SearchConfig config;
    private SearchStorage storage;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile String where = "(not open)";
    private volatile boolean rebuilding;

    /**
     * @param rows   the rows the index is derived from, and their state token
     * @param config where the index lives
     */
    LuceneIndex(SearchRepository rows, SearchConfig config) {
        this.rows = rows;
        this.config = config;
    }

    /** @return whether the index is open (its writer exists) */
    boolean isOpen() {
        return writer != null;
    }

    /** @return the writer of the open index, or {@code null} while it is closed */
    @Nullable
    IndexWriter writer() {
        return writer;
    }

    /**
     * Opens the storage, rebuilds the index from the rows when {@code rebuild} is set, the storage
     * was wiped, or its commit's state token or format is not the rows' (one INFO line when it held
     * documents), then opens the readers.
     *
     * @param rebuild whether to rebuild whatever is found: the index failed while being read
     * @throws IOException if Lucene cannot read, write or commit; the caller then {@link #close()}s
     */
    void open(boolean rebuild) throws IOException {
        // The rows' token first: rows committed while the rebuild reads make it stale, never wrongly current.
        String state = rows.findState().orElse(null);
        storage = SearchStorage.open(config.folder());
        writer = storage.writer();
        where = storage.where();
        String stale = rebuild || storage.wiped() ? "unreadable" : IndexCommits.stale(writer, state);
        if (stale != null) {
            if (!rebuild && !storage.wiped() && writer.getDocStats().numDocs > 0) {
                LOG.info("Search index {} is not in step with the rows ({}); rebuilding it from them", where, stale);
            }
            rebuilding = true;
            try {
                IndexCommits.rebuild(writer, rows);
                commit(state == null ? "" : state);
            } finally {
                rebuilding = false;
            }
        }
        searchers = new SearcherManager(writer, null);
    }

    /**
     * Commits what the writer holds with the rows' state token, and lets readers see it.
     *
     * @param state the token of the row commit these documents belong to
     * @throws IOException if Lucene cannot commit or the readers cannot refresh
     */
    void commit(String state) throws IOException {
        IndexCommits.commit(writer, state);
        if (searchers != null) {
            searchers.maybeRefreshBlocking();
        }
    }

    /** @return the readers of the last commit, or {@code null} while the index is closed */
    @Nullable
    SearcherManager searchers() {
        return searchers;
    }

    /** @return the folder, {@code (in memory)}, or {@code (not open)}, for log lines and {@code /health} */
    String where() {
        return where;
    }

    /** @return whether the index is being rebuilt from the rows right now */
    boolean rebuilding() {
        return rebuilding;
    }

    /**
     * Drops the writer (rolling back what it staged) and the readers; the next use opens again.
     * Failures are logged at WARN, never thrown.
     */
    void close() {
        SearcherManager closing = searchers;
        searchers = null;
        try {
            if (closing != null) {
                closing.close(); // A search holding a reader keeps it until it releases it.
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot close the readers of the search index {}: {}", where, e.toString());
        }
        if (storage != null) {
            storage.close();
        }
        storage = null;
        writer = null;
    }
}
