package dev.essayist.search;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lends the searcher of the last published commit of {@link SearchIndex}, and heals the index when
 * it cannot be read: a read that fails with an {@link IOException} (Lucene's
 * {@code CorruptIndexException}, a missing file, ...), or with an unchecked exception while the
 * index fails its checksums, starts a rebuild from the rows in the background, with one WARN line.
 *
 * <p>A request never waits long for the index: opening it (the first search, or after a failure)
 * runs in the background, and a read waits at most {@link #OPEN_WAIT} for it; until the index is
 * open again, {@link #read} answers empty, and {@code /search} an ordinary page that says so.
 */
@Singleton
class SearchReaders {

    private static final Logger LOG = LoggerFactory.getLogger(SearchReaders.class);

    /** How long a search waits for the index to open before answering without it. */
    static final Duration OPEN_WAIT = Duration.ofSeconds(2);

    /** A read of the index. */
    @FunctionalInterface
    interface Read<T> {
        /**
         * @param searcher a searcher of the last published commit, valid during the call only
         * @return what was read
         * @throws IOException if the index cannot be read
         */
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final SearchIndex index;
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "search-index");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    /** The opening or healing under way, or the last one. Guarded by {@link #lock}. */
    private CompletableFuture<Void> pending;
    /** The readers of an index that failed; never lent again. */
    private volatile SearcherManager damaged;
    /** What went wrong last, for {@code /health}; {@code null} once the index is open again. */
    private volatile String problem;

    SearchReaders(SearchIndex index) {
        this.index = index;
    }

    /**
     * @param read what to read
     * @return what was read, or empty when the index cannot be read now (opening, being rebuilt)
     * @throws RuntimeException what {@code read} threw, when the index is intact (a defect, not a
     *                          damaged index)
     */
    <T> Optional<T> read(Read<T> read) {
        SearcherManager manager = current();
        if (manager == null) {
            return Optional.empty();
        }
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (AlreadyClosedException e) {
            return Optional.empty(); // closed by a failed update this instant; the next search reopens
        } catch (IOException e) {
            failed(manager, e);
            return Optional.empty();
        }
        try {
            return Optional.of(read.apply(searcher));
        } catch (IOException e) {
            failed(manager, e);
            return Optional.empty();
        } catch (RuntimeException e) {
            if (intact(searcher)) {
                throw e;
            }
            failed(manager, e);
            return Optional.empty();
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                LOG.warn("Cannot release a search index reader: {}", e.toString());
            }
        }
    }

    /** @return what {@code /health} shows of the index */
    SearchHealthIndicator.Details health() {
        SearcherManager manager = index.searchers();
        String state = index.rebuilding() || manager != null && manager == damaged ? "rebuilding"
                : manager == null ? "closed" : "ready";
        long documents = -1;
        if (manager != null && manager != damaged) {
            try {
                IndexSearcher searcher = manager.acquire();
                try {
                    documents = searcher.getIndexReader().numDocs();
                } finally {
                    manager.release(searcher);
                }
            } catch (IOException | AlreadyClosedException e) {
                state = "closed";
            }
        }
        return new SearchHealthIndicator.Details(state, index.where(), documents, problem);
    }

    /** @return the readers to use, opening the index (waiting at most {@link #OPEN_WAIT}) when closed */
    private SearcherManager current() {
        SearcherManager manager = index.searchers();
        if (manager != null && manager != damaged) {
            return manager;
        }
        CompletableFuture<Void> opening;
        synchronized (lock) {
            if (pending == null || pending.isDone()) {
                pending = CompletableFuture.runAsync(index::open, background);
            }
            opening = pending;
        }
        try {
            opening.get(OPEN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            String reason = e.getCause().toString();
            if (!reason.equals(problem)) {
                LOG.error("Search is unavailable: {}", reason, e.getCause());
            }
            problem = reason;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        manager = index.searchers();
        if (manager != null && manager != damaged) {
            problem = null;
            return manager;
        }
        return null;
    }

    private void failed(SearcherManager manager, Exception e) {
        synchronized (lock) {
            if (manager == damaged || manager != index.searchers()) {
                return; // Already being healed, or already replaced.
            }
            damaged = manager;
            problem = e.toString();
            LOG.warn("Search index {} cannot be read ({}); rebuilding it from the rows", index.where(), e.toString());
            pending = CompletableFuture.runAsync(index::heal, background).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.error("Cannot rebuild the search index {} from the rows", index.where(), failure);
                    problem = failure.toString();
                } else if (index.searchers() != damaged) {
                    problem = null;
                }
            });
        }
    }

    /** @return whether every file of the searcher's commit passes its checksum */
    private static boolean intact(IndexSearcher searcher) {
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        background.shutdownNow();
    }
}
