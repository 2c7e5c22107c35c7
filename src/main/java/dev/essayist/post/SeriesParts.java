package dev.essayist.post;

import static dev.essayist.post.PostRepository.PUBLISHED;
import static dev.essayist.post.PostRepository.SUMMARY;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The published parts of a series (front matter {@code series}), in reading order: what an essay's
 * series navigation and the series page list. Only published parts count (design.md invariant 5),
 * so "Part 2 of 3" never counts a draft, a scheduled or an expired part.
 */
@JdbcRepository(dialect = Dialect.H2)
public interface SeriesParts extends GenericRepository<Post, Long> {

    /** Where series pages live: a series' page is this followed by its slug ({@code /series/multi-tenant-postgresql}). */
    String PATH = "/series/";

    /**
     * The reading order of a series, the one definition of it: {@code series_order} ascending, parts
     * without one after the others; ties and parts without an order by publication date, then by
     * path (two parts with the same order and date keep a stable place).
     */
    String READING_ORDER = "p.series_order ASC NULLS LAST, p.published_at ASC, p.path ASC";

    /**
     * @param seriesSlug the series' slug, e.g. {@code multi-tenant-postgresql}
     * @param now        the current time
     * @return its published parts in reading order; empty for no such series
     */
    @Query("SELECT " + SUMMARY + " FROM post p WHERE p.series_slug = :seriesSlug AND " + PUBLISHED
            + " ORDER BY " + READING_ORDER)
    List<PostSummary> findParts(String seriesSlug, Instant now);

    /**
     * @param seriesSlug the series' slug
     * @param now        the current time
     * @return the series' name as its first published part spells it (the slug is what makes parts
     *         one series; "PostgreSQL" and "postgresql" are one), or empty for no such series
     */
    @Query("SELECT p.series_name FROM post p WHERE p.series_slug = :seriesSlug AND " + PUBLISHED
            + " ORDER BY " + READING_ORDER + " LIMIT 1")
    Optional<String> findName(String seriesSlug, Instant now);
}
