package dev.essayist.series;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One published part of a series, as much as the list of series needs.
 *
 * @param seriesSlug  the series' slug
 * @param seriesName  the series' name as this part spells it
 * @param publishedAt the part's first publication
 * @param updatedAt   its last update, or {@code null}
 */
@Introspected
public record SeriesPartRow(String seriesSlug, String seriesName, Instant publishedAt, @Nullable Instant updatedAt) {

    /** @return the newest content time: updated when set, else published */
    Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
