package dev.essayist.search;

import dev.essayist.post.Post;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * The search documents ({@code post_text}) and H2's native full-text index over them (see
 * {@code V2__search.sql}). A document is deleted with its post ({@code ON DELETE CASCADE}).
 */
@JdbcRepository(dialect = Dialect.H2)
public interface SearchRepository extends GenericRepository<Post, Long> {

    /**
     * Adds a post's search document; call it after the post row is written, in the same transaction.
     *
     * @param postId  the post's id
     * @param title   plain-text title
     * @param summary plain-text summary
     * @param body    the body as plain text
     */
    @Query("INSERT INTO post_text (post_id, title, summary, body) VALUES (:postId, :title, :summary, :body)")
    void insert(long postId, String title, String summary, String body);

    /**
     * @param words words separated by spaces, letters and digits only; every word must occur
     *              (H2's FullText.search is an AND of whole words, case-insensitive)
     * @param now   the current time; only published posts match (DESIGN.md invariant 5)
     * @param limit the most hits
     * @return matching published posts with their documents, in no particular order
     */
    @Query("SELECT p.id, p.slug, p.title, p.summary, p.published_at, p.updated_at, p.reading_minutes, t.body"
            + " FROM FT_SEARCH_DATA(:words, 0, 0) ft JOIN post_text t ON t.post_id = CAST(ft.KEYS[1] AS BIGINT)"
            + " JOIN post p ON p.id = t.post_id WHERE ft.\"TABLE\" = 'POST_TEXT' AND " + dev.essayist.post.PostRepository.PUBLISHED
            + " ORDER BY p.published_at DESC LIMIT :limit")
    List<SearchHit> search(String words, Instant now, int limit);
}
