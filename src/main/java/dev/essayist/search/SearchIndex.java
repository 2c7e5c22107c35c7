package dev.essayist.search;

import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;

/**
 * The Lucene index behind {@code /search}, in the folder {@code essayist.search.index-dir}
 * ({@link SearchConfig}), derived from the rows like the H2 index (DESIGN.md invariant 1).
 *
 * <p>Why Lucene and not H2's own full-text search (issue 6): H2's {@code FullText} triggers wrote
 * about a thousand word rows per essay inside the reindex transaction; Lucene indexes the same text
 * outside the row transaction, on another core while the rows are written.
 *
 * <p>How readers never see a half-indexed site (invariant 2): while the reindex writes its rows,
 * {@link #prepare} stages the new documents (invisible to readers); only after the row commit does
 * {@link #publish} commit them, and readers keep searching the previous commit until then
 * ({@link SearcherManager}); if the rows fail, {@link #discard} drops what was staged. Which
 * documents may be found is asked of the rows at query time ({@link PublishedPosts}).
 *
 * <p>How it stays in step with the rows: each row commit stores a new random state token in
 * {@code index_meta} ({@link #STATE_ROW}), and each Lucene commit the token it matches and its
 * format ({@link IndexCommits}); when either differs on opening (a crash between the two commits, a rebuilt H2
 * file, an index written by an older Essayist) the index is rebuilt from the rows, with one INFO
 * line. How it heals: an index that cannot be read, on opening ({@link SearchStorage}) or while
 * searching ({@link SearchReaders}), is rebuilt from the rows with one WARN line. The storage,
 * writer and readers of one opening are {@link LuceneIndex}; this class keeps the order of the
 * steps. Thread-safe.
 */
@Singleton
public class SearchIndex {

    /** The {@code index_meta} row holding the state token of the last row commit. */
    public static final String STATE_ROW = "search-state";

    private final LuceneIndex lucene;
    /** Whether {@link #prepare} staged changes that {@link #publish} or {@link #discard} has not ended. */
    private boolean staged;
    /** Whether the next opening rebuilds whatever it finds: the index failed while being read. */
    private boolean rebuildNext;

    SearchIndex(SearchRepository rows, SearchConfig config) {
        this.lucene = new LuceneIndex(rows, config);
    }

    /**
     * One post's search document.
     *
     * @param path        the file ({@code post.source_path})
     * @param hash        the file's SHA-256 ({@code post.source_hash})
     * @param title       plain-text title
     * @param summary     plain-text summary
     * @param body        the body as plain text
     * @param tags        the tags' names as written, distinct by slug
     * @param publishedAt first publication time (newest first among equal scores)
     */
    public record Doc(String path, String hash, String title, String summary, String body, List<String> tags,
                      Instant publishedAt) {
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
        staged = true;
        try {
            IndexWriter writer = lucene.writer();
            for (String path : removed) {
                writer.deleteDocuments(new Term(SearchDocuments.PATH, path));
            }
            // IndexWriter takes documents from many threads at once: analysis runs on every core.
            added.parallelStream().forEach(doc -> IndexCommits.update(writer, doc));
        } catch (IOException | RuntimeException e) {
            staged = false; // nothing is staged any more: the indexer publishes nothing after a failed prepare
            lucene.close();
            throw unchecked("cannot update the search index", e);
        }
    }

    /**
     * Commits what {@link #prepare} staged and publishes it to readers in one step, after the
     * row commit that stored {@code state}; or, when the index failed while being read meanwhile,
     * rebuilds it from those rows.
     *
     * @param state the token the row commit stored (see {@link #newState()})
     * @throws UncheckedIOException if Lucene cannot commit; searching goes on from the last
     *                              complete commit (filtered by the rows), and the next opening
     *                              finds the tokens differ and rebuilds
     */
    public synchronized void publish(String state) {
        staged = false;
        if (rebuildNext) {
            lucene.close();
            open();
            return;
        }
        if (!lucene.isOpen()) {
            throw new UncheckedIOException(new IOException("the search index was closed after a failed update"));
        }
        try {
            lucene.commit(state);
        } catch (IOException | RuntimeException e) {
            lucene.close();
            throw unchecked("cannot commit the search index", e);
        }
    }

    /** Drops what {@link #prepare} staged, when the rows it was for were not committed. */
    public synchronized void discard() {
        staged = false;
        lucene.close(); // Rolls back to the last commit, which matches the rows; reopened on next use.
    }

    /**
     * Opens the index once, and rebuilds it from the rows when its state token or format is not
     * the rows' or it could not be read. The indexer calls it before it commits rows, so that a
     * kept index is compared with the rows it was made for; searching opens it too.
     *
     * @throws UncheckedIOException if the index cannot be opened or rebuilt
     */
    public synchronized void open() {
        if (lucene.isOpen()) {
            return;
        }
        try {
            lucene.open(rebuildNext);
            rebuildNext = false;
        } catch (IOException | RuntimeException e) {
            lucene.close();
            throw unchecked("cannot open the search index " + lucene.where(), e);
        }
    }

    /**
     * After the index failed while being read: rebuilds it from the rows now, or, while a reindex
     * has staged changes, when it publishes them (so they are not lost).
     */
    synchronized void heal() {
        rebuildNext = true;
        if (!staged) {
            lucene.close();
            open();
        }
    }

    /** @return the readers of the last published commit, or {@code null} while the index is closed */
    @Nullable
    SearcherManager searchers() {
        return lucene.searchers();
    }

    /** @return the folder, {@code (in memory)}, or {@code (not open)}, for log lines and {@code /health} */
    String where() {
        return lucene.where();
    }

    /** @return whether the index is being rebuilt from the rows right now */
    boolean rebuilding() {
        return lucene.rebuilding();
    }

    private static UncheckedIOException unchecked(String message, Exception e) {
        return e instanceof UncheckedIOException u ? u
                : new UncheckedIOException(message, e instanceof IOException io ? io : new IOException(e));
    }

    @PreDestroy
    synchronized void close() {
        lucene.close();
    }
}
