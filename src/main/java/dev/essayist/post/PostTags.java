package dev.essayist.post;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** The tags of posts, as lists of posts show them (the tags themselves are the {@code tag} feature's). */
@JdbcRepository(dialect = Dialect.H2)
interface PostTags extends GenericRepository<Post, Long> {

    /**
     * @param postIds posts
     * @return the tags of the given posts, each post's in name order
     */
    @Query("SELECT pt.post_id, t.slug, t.name FROM post_tag pt JOIN tag t ON t.id = pt.tag_id"
            + " WHERE pt.post_id IN (:postIds) ORDER BY pt.post_id, LOWER(t.name)")
    List<PostTag> findByPostIds(Collection<Long> postIds);
}
