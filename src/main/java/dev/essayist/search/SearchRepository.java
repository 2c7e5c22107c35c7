package dev.essayist.search;

import dev.essayist.post.Post;
import dev.essayist.post.PostRepository;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What search reads of the rows: which posts are published now (the one rule,
 * {@link PostRepository#PUBLISHED}; DESIGN.md invariant 5), the rows of the hits shown, and every
 * post's text when the Lucene index is rebuilt from the rows.
 */
@JdbcRepository(dialect = Dialect.H2)
interface SearchRepository extends GenericRepository<Post, Long> {

    /**
     * @param now the current time
     * @return the file, SHA-256 and last change of every post published at {@code now}, in no
     *         particular order
     */
    @Query("SELECT p.source_path, p.source_hash, COALESCE(p.updated_at, p.published_at) AS last_modified"
            + " FROM post p WHERE " + PostRepository.PUBLISHED)
    List<PublishedSource> findPublishedSources(Instant now);

    /**
     * @param paths files ({@code post.source_path}) the full-text index matched
     * @param now   the current time; only published posts are returned
     * @return the published posts of those files, in no particular order
     */
    @Query("SELECT " + PostRepository.SUMMARY + ", p.source_path, p.source_hash FROM post p"
            + " WHERE p.source_path IN (:paths) AND " + PostRepository.PUBLISHED)
    List<SearchRow> findPublishedByPaths(Collection<String> paths, Instant now);

    /**
     * One batch of every post, published or not, for a rebuild of the Lucene index.
     *
     * @param afterId the last id of the previous batch, 0 for the first
     * @param limit   the most posts
     * @return posts with ids above {@code afterId}, by id; their tag names joined by U+001F
     */
    @Query("SELECT p.id, p.source_path, p.source_hash, p.title, p.summary, p.html, p.published_at,"
            + " (SELECT LISTAGG(t.name, CHAR(31)) WITHIN GROUP (ORDER BY t.name) FROM post_tag pt"
            + " JOIN tag t ON t.id = pt.tag_id WHERE pt.post_id = p.id) AS tags"
            + " FROM post p WHERE p.id > :afterId ORDER BY p.id LIMIT :limit")
    List<IndexSource> findIndexSources(long afterId, int limit);

    /** @return the token of the last row commit ({@link SearchIndex#STATE_ROW}), if one was stored */
    @Query("SELECT setting FROM index_meta WHERE name = '" + SearchIndex.STATE_ROW + "'")
    Optional<String> findState();
}
