package dev.essayist.tag;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tags in the index. Counts and lookups only see published posts at {@code now}, so a tag whose
 * posts are all drafts or scheduled does not exist for readers.
 */
@JdbcRepository(dialect = Dialect.H2)
public interface TagRepository extends CrudRepository<Tag, Long> {

    /** @return the tag with that slug, whether or not it has published posts */
    Optional<Tag> findBySlug(String slug);

    /** @return every tag with published posts and their count, by name */
    @Query("SELECT t.slug, t.name, COUNT(*) AS count FROM tag t JOIN post_tag pt ON pt.tag_id = t.id"
            + " JOIN post p ON p.id = pt.post_id WHERE " + dev.essayist.post.PostRepository.PUBLISHED
            + " GROUP BY t.slug, t.name ORDER BY LOWER(t.name)")
    List<TagCount> findCounts(Instant now);

    /** Deletes tags no post carries any more. */
    @Query("DELETE FROM tag t WHERE NOT EXISTS (SELECT 1 FROM post_tag pt WHERE pt.tag_id = t.id)")
    void deleteUnused();
}
