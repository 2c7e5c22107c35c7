package dev.essayist.series;

import static dev.essayist.post.PostRepository.PUBLISHED;

import dev.essayist.post.Post;
import dev.essayist.post.SeriesParts;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * Series as a whole: every series with published parts (the {@code /series} page, the sitemap) and
 * a series' newest parts (its feeds). A series is the set of posts whose front matter {@code series}
 * has the same slug; only published parts count (design.md invariant 5), so a series whose parts are
 * all drafts, scheduled or expired does not exist for readers. One series' parts in reading order
 * are {@link SeriesParts#findParts}.
 */
@JdbcRepository(dialect = Dialect.H2)
public interface SeriesRepository extends GenericRepository<Post, Long> {

    /**
     * @param seriesSlug the series' slug
     * @param now        the current time
     * @param limit      the most parts to return
     * @return its newest {@code limit} published parts with their bodies, newest first (as every feed
     *         orders its items; JSON Feed 1.1, "items")
     */
    @Query("SELECT p.* FROM post p WHERE p.series_slug = :seriesSlug AND " + PUBLISHED
            + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit")
    List<Post> findNewest(String seriesSlug, Instant now, int limit);

    /**
     * @param now the current time
     * @return every published part of every series, grouped by series slug, each series' parts in
     *         reading order ({@link SeriesParts#READING_ORDER}); see {@link Series#of}
     */
    @Query("SELECT p.series_slug, p.series_name, p.published_at, p.updated_at FROM post p"
            + " WHERE p.series_slug IS NOT NULL AND " + PUBLISHED + " ORDER BY p.series_slug, " + SeriesParts.READING_ORDER)
    List<SeriesPartRow> findPublishedParts(Instant now);
}
