package dev.essayist.search;

import dev.essayist.post.Post;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The rows a search hit is checked against and shown from: {@link SearchIndex} finds files, this
 * says which of them are published posts now (DESIGN.md invariant 5).
 */
@JdbcRepository(dialect = Dialect.H2)
interface SearchRepository extends GenericRepository<Post, Long> {

    /**
     * @param paths files ({@code post.source_path}) the full-text index matched
     * @param now   the current time; only published posts are returned
     * @return the published posts of those files, in no particular order
     */
    @Query("SELECT " + dev.essayist.post.PostRepository.SUMMARY + ", p.source_path, p.source_hash FROM post p"
            + " WHERE p.source_path IN (:paths) AND " + dev.essayist.post.PostRepository.PUBLISHED)
    List<SearchRow> findPublishedByPaths(Collection<String> paths, Instant now);
}
