package dev.essayist.post;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posts in the index. Every public read takes {@code now}: a post is published when it is not a
 * draft and its {@code published_at} is not after {@code now} (design.md invariant 5), so a
 * scheduled post appears at its time without any write; see {@link #PUBLISHED}. Lists are newest first, ties by id.
 */
@JdbcRepository(dialect = Dialect.H2)
public interface PostRepository extends GenericRepository<Post, Long> {

    /**
     * @param posts rows to insert, in one JDBC batch (the indexer's writer only)
     * @return the rows with their generated ids, in the same order
     */
    List<Post> saveAll(Iterable<Post> posts);

    /** @return how many posts the index holds, drafts and scheduled included */
    long count();

    /** @return every post in the index, drafts and scheduled included, in no particular order */
    List<Post> findAll();

    /** Columns of {@link PostSummary}. */
    String SUMMARY = "p.id, p.slug, p.path, p.title, p.summary, p.published_at, p.updated_at, p.reading_minutes";
    /**
     * The published condition: {@code visible_from} is {@code published_at} for a post that is not a
     * draft, NULL (never) for a draft, and the epoch for every post in preview mode. The one definition of "published" (design.md invariant 5).
     */
    String PUBLISHED = "p.visible_from <= :now AND (p.visible_until IS NULL OR p.visible_until > :now)";

    /**
     * @param pathKey a request path without a trailing slash
     * @param now     the current time
     * @return the published post served at that path
     */
    @Query("SELECT p.* FROM post p WHERE p.path_key = :pathKey AND " + PUBLISHED)
    Optional<Post> findPublishedByPath(String pathKey, Instant now);

    /**
     * @return one page of published posts, newest first
     */
    @Query("SELECT " + SUMMARY + " FROM post p WHERE " + PUBLISHED
            + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
    List<PostSummary> findPublished(Instant now, int limit, long offset);

    /** @return how many posts are published at {@code now} */
    @Query("SELECT COUNT(*) FROM post p WHERE " + PUBLISHED)
    long countPublished(Instant now);

    /** @return the newest {@code limit} published posts with their bodies, newest first (feeds) */
    @Query("SELECT p.* FROM post p WHERE " + PUBLISHED + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit")
    List<Post> findNewest(Instant now, int limit);

    /** @return the newest {@code limit} published posts carrying the tag, with bodies (tag feeds) */
    @Query("SELECT p.* FROM post p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id"
            + " WHERE t.slug = :tagSlug AND " + PUBLISHED + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit")
    List<Post> findNewestByTag(String tagSlug, Instant now, int limit);

    /**
     * @return one page of the published posts carrying the tag, newest first: at most
     *         {@code limit}, after skipping {@code offset}
     */
    @Query("SELECT " + SUMMARY + " FROM post p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id"
            + " WHERE t.slug = :tagSlug AND " + PUBLISHED + " ORDER BY p.published_at DESC, p.id DESC"
            + " LIMIT :limit OFFSET :offset")
    List<PostSummary> findPublishedByTag(String tagSlug, Instant now, int limit, long offset);

    /** @return how many posts carrying the tag are published at {@code now} */
    @Query("SELECT COUNT(*) FROM post p JOIN post_tag pt ON pt.post_id = p.id JOIN tag t ON t.id = pt.tag_id"
            + " WHERE t.slug = :tagSlug AND " + PUBLISHED)
    long countPublishedByTag(String tagSlug, Instant now);

    /** @return the published post just older than the given one, if any */
    @Query("SELECT " + SUMMARY + " FROM post p WHERE " + PUBLISHED
            + " AND (p.published_at < :publishedAt OR (p.published_at = :publishedAt AND p.id < :id))"
            + " ORDER BY p.published_at DESC, p.id DESC LIMIT 1")
    Optional<PostSummary> findOlder(Instant now, Instant publishedAt, long id);

    /** @return the published post just newer than the given one, if any */
    @Query("SELECT " + SUMMARY + " FROM post p WHERE " + PUBLISHED
            + " AND (p.published_at > :publishedAt OR (p.published_at = :publishedAt AND p.id > :id))"
            + " ORDER BY p.published_at ASC, p.id ASC LIMIT 1")
    Optional<PostSummary> findNewer(Instant now, Instant publishedAt, long id);

    /**
     * @param now the current time
     * @return every instant after {@code now} at which the published set changes without a
     * reindex (a post's {@code visible_from} or {@code visible_until}), ascending and distinct: the schedule that
     * {@code ContentChanged} carries to caches
     */
    @Query("SELECT t FROM (SELECT p.visible_from AS t FROM post p WHERE p.visible_from > :now"
            + " UNION SELECT p.visible_until AS t FROM post p WHERE p.visible_until > :now) ORDER BY t")
    List<Instant> findDueTimes(Instant now);

    /** @return every indexed file, published or not */
    @Query("SELECT p.id, p.source_path, p.source_hash, p.slug, p.path_key, p.guid FROM post p")
    List<PostSource> findSources();

}
