package dev.essayist.search;

import dev.essayist.content.Slugs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * The Lucene document of a post: what is searched, how it is weighed, and how it is tied to its
 * row.
 *
 * <p>Searched ({@link EssayAnalyzer}, scored by Lucene's BM25): {@link #TITLE}, {@link #SUMMARY},
 * {@link #TAGS} and {@link #BODY}, weighed by {@link #WEIGHTS} so that a word in the title counts
 * more than the same word in the body. Not searched: the file and its SHA-256 (to check a hit
 * against its row), the {@link #key} of both (which the published filter matches,
 * {@link PublishedPosts}), the tag slugs (for {@code tag:}), and the first publication time (the
 * tie-breaker among equal scores).
 */
final class SearchDocuments {

    static final String PATH = "path";
    static final String HASH = "hash";
    static final String KEY = "key";
    static final String PUBLISHED = "published";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String TAGS = "tags";
    static final String TAG = "tag";
    static final String BODY = "body";

    /**
     * How much a match in each searched field counts (Lucene boosts, multiplying BM25 scores): the
     * title most, then the tags and the summary, then the body.
     */
    static final Map<String, Float> WEIGHTS = Map.of(TITLE, 3f, TAGS, 2f, SUMMARY, 1.5f, BODY, 1f);

    /**
     * The body: stored, for the snippet, and with each word's character offsets in the postings,
     * so the highlighter finds the words of a page's results without analysing their bodies again.
     */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private SearchDocuments() {
    }

    /**
     * @param doc a post's search document
     * @return its Lucene document
     */
    static Document of(SearchIndex.Doc doc) {
        Document d = new Document();
        d.add(new StringField(PATH, doc.path(), Field.Store.YES));
        d.add(new StoredField(HASH, doc.hash()));
        d.add(new NumericDocValuesField(KEY, key(doc.path(), doc.hash())));
        d.add(new NumericDocValuesField(PUBLISHED, doc.publishedAt().toEpochMilli()));
        d.add(new TextField(TITLE, doc.title(), Field.Store.NO));
        d.add(new TextField(SUMMARY, doc.summary(), Field.Store.NO));
        d.add(new TextField(TAGS, String.join("\n", doc.tags()), Field.Store.NO));
        for (String tag : doc.tags()) {
            String slug = Slugs.of(tag);
            if (!slug.isEmpty()) {
                d.add(new StringField(TAG, slug, Field.Store.NO));
            }
        }
        d.add(new Field(BODY, doc.body(), BODY_TYPE));
        return d;
    }

    /**
     * @param path a post's file ({@code post.source_path})
     * @param hash that file's SHA-256 ({@code post.source_hash})
     * @return the first 64 bits of SHA-256 over both: one version of one file, as the published
     *         filter names it (a changed file is another key, so a document of its old text never
     *         passes the filter of the new rows)
     */
    static long key(String path, String hash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(hash.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256 (Java Security Standard Algorithm Names)", e);
        }
    }
}
