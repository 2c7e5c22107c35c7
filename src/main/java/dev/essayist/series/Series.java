package dev.essayist.series;

import dev.essayist.post.SeriesParts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A series with published parts.
 *
 * @param slug         its slug, e.g. {@code multi-tenant-postgresql}
 * @param name         its name, as its first part spells it
 * @param url          its page, {@code /series/{slug}}
 * @param parts        how many parts are published, at least 1
 * @param lastModified the newest content time among those parts
 */
public record Series(String slug, String name, String url, int parts, Instant lastModified) {

    /**
     * @param rows published parts grouped by series, each series' in reading order (as
     *             {@link SeriesRepository#findPublishedParts} returns them)
     * @return one series per slug, by name (case ignored)
     */
    public static List<Series> of(List<SeriesPartRow> rows) {
        List<Series> all = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !rows.get(i).seriesSlug().equals(rows.get(start).seriesSlug())) {
                List<SeriesPartRow> parts = rows.subList(start, i);
                SeriesPartRow first = parts.get(0);
                Instant newest = parts.stream().map(SeriesPartRow::lastModified).max(Instant::compareTo).orElseThrow();
                all.add(new Series(first.seriesSlug(), first.seriesName(), SeriesParts.PATH + first.seriesSlug(),
                        parts.size(), newest));
                start = i;
            }
        }
        all.sort(Comparator.comparing((Series s) -> s.name().toLowerCase(Locale.ROOT)).thenComparing(Series::slug));
        return all;
    }
}
