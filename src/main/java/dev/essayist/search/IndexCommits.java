package dev.essayist.search;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Writes the Lucene index from the rows, and labels each Lucene commit with the rows it matches:
 * the state token of their commit ({@link SearchIndex#STATE_ROW}) and the {@link #FORMAT} of the
 * documents, so that an index out of step with the rows, or written by an older Essayist, is
 * recognised when it is opened.
 */
final class IndexCommits {

    /** Bump when the documents or their analysis change: an index of another format is rebuilt. */
    static final String FORMAT = "2";
    private static final String STATE = "state";
    private static final String FORMAT_KEY = "format";
    /** Posts read from the rows at a time by a rebuild. */
    private static final int REBUILD_BATCH = 500;

    private IndexCommits() {
    }

    /**
     * @param writer a writer on an opened index
     * @param state  the rows' state token, or {@code null} when none was stored yet
     * @return why the index is not the rows' ({@code "another state"}, {@code "format 1"}), or
     *         {@code null} when it is; an index never committed is never the rows'
     */
    @Nullable
    static String stale(IndexWriter writer, @Nullable String state) {
        Map<String, String> label = new HashMap<>();
        if (writer.getLiveCommitData() != null) {
            writer.getLiveCommitData().forEach(e -> label.put(e.getKey(), e.getValue()));
        }
        String format = label.getOrDefault(FORMAT_KEY, "1");
        if (!FORMAT.equals(format)) {
            return "format " + format + ", not " + FORMAT;
        }
        return state != null && state.equals(label.get(STATE)) ? null : "another state";
    }

    /**
     * Commits what the writer holds, labelled with the rows' state.
     *
     * @param writer the writer
     * @param state  the state token of the rows it now matches
     * @throws IOException if Lucene cannot commit
     */
    static void commit(IndexWriter writer, String state) throws IOException {
        writer.setLiveCommitData(Map.of(STATE, state, FORMAT_KEY, FORMAT).entrySet());
        writer.commit();
    }

    /**
     * Replaces every document with those of the rows, read in batches by id (the bodies are the
     * text of the stored HTML), without committing.
     *
     * @param writer the writer
     * @param rows   the rows
     * @throws IOException if Lucene cannot write
     */
    static void rebuild(IndexWriter writer, SearchRepository rows) throws IOException {
        writer.deleteAll();
        long after = 0;
        for (List<IndexSource> batch = rows.findIndexSources(after, REBUILD_BATCH); !batch.isEmpty();
             batch = rows.findIndexSources(after, REBUILD_BATCH)) {
            batch.parallelStream().forEach(source -> update(writer, source.doc()));
            after = batch.get(batch.size() - 1).id();
        }
    }

    /**
     * Adds a post's document, replacing its file's old one.
     *
     * @param writer the writer
     * @param doc    the post's search document
     * @throws UncheckedIOException if Lucene cannot write
     */
    static void update(IndexWriter writer, SearchIndex.Doc doc) {
        try {
            writer.updateDocument(new Term(SearchDocuments.PATH, doc.path()), SearchDocuments.of(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
