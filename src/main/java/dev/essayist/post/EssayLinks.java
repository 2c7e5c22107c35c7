package dev.essayist.post;

import static dev.essayist.post.PostRepository.PUBLISHED;
import static dev.essayist.post.PostRepository.SUMMARY;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * What surrounds an essay: the essays related to it by tags, and the essays on this site that
 * link to it (the link graph the indexer stores in {@code link}). Only published essays appear
 * (design.md invariant 5).
 */
@JdbcRepository(dialect = Dialect.H2)
interface EssayLinks extends GenericRepository<Post, Long> {

    /**
     * @param id    the essay's id
     * @param now   the current time
     * @param limit the most essays to return
     * @return other published essays sharing at least one tag with it: most shared tags first,
     *         then newest first
     */
    @Query("SELECT " + SUMMARY + " FROM post p JOIN post_tag pt ON pt.post_id = p.id"
            + " WHERE pt.tag_id IN (SELECT s.tag_id FROM post_tag s WHERE s.post_id = :id) AND p.id <> :id AND "
            + PUBLISHED + " GROUP BY " + SUMMARY + " ORDER BY COUNT(*) DESC, p.published_at DESC, p.id DESC LIMIT :limit")
    List<PostSummary> findRelated(long id, Instant now, int limit);

    /**
     * @param id  the essay's id
     * @param now the current time
     * @return published essays whose bodies link to it, at its canonical path or at one of its
     *         alias paths; newest first
     */
    // The linking posts are found from the link_target index (one lookup per path of the essay),
    // not by probing every post's links: an export asks this for every essay.
    @Query("SELECT " + SUMMARY + " FROM post p WHERE p.id <> :id AND " + PUBLISHED
            + " AND p.id IN (SELECT l.post_id FROM link l WHERE l.target_path = (SELECT t.path_key FROM post t WHERE t.id = :id)"
            + " UNION SELECT l.post_id FROM link l JOIN alias a ON l.target_path = a.path WHERE a.post_id = :id)"
            + " ORDER BY p.published_at DESC, p.id DESC")
    List<PostSummary> findReferencing(long id, Instant now);
}
