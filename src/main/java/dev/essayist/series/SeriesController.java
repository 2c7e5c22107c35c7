package dev.essayist.series;

import dev.essayist.post.PostItem;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostSummary;
import dev.essayist.post.SeriesParts;
import dev.essayist.site.ErrorPages;
import dev.essayist.site.Head;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.PageRenderer;
import dev.essayist.site.SiteConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /series} (every series with its number of parts) and {@code /series/{slug}} (one series'
 * parts in reading order, {@link SeriesParts#READING_ORDER}, with its feeds). A series page lists
 * every part on one page: a series is read in order, and its essays' navigation lists every part
 * anyway. A series with no published part is a 404.
 */
@Controller(value = "/series", produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class SeriesController {

    private final SeriesParts parts;
    private final SeriesRepository series;
    private final PostListing listing;
    private final PageRenderer renderer;
    private final ErrorPages errors;
    private final SiteConfig site;
    private final Clock clock;

    SeriesController(SeriesParts parts, SeriesRepository series, PostListing listing, PageRenderer renderer,
                     ErrorPages errors, SiteConfig site, Clock clock) {
        this.parts = parts;
        this.series = series;
        this.listing = listing;
        this.renderer = renderer;
        this.errors = errors;
        this.site = site;
        this.clock = clock;
    }

    /** @param series every series with published parts, by name */
    record SeriesIndexView(List<Entry> series) {
    }

    /**
     * @param name       the series' name
     * @param url        its page
     * @param countLabel how many parts are published, e.g. {@code 3 parts}
     */
    record Entry(String name, String url, String countLabel) {
    }

    /**
     * @param name       the series' name
     * @param slug       its slug
     * @param countLabel how many parts are published, e.g. {@code 1 part} or {@code 3 parts}
     * @param parts      those parts, in reading order
     */
    record SeriesView(String name, String slug, String countLabel, List<Part> parts) {
    }

    /**
     * @param number its part number, from 1
     * @param post   the essay
     */
    record Part(int number, PostItem post) {
    }

    @Get
    MutableHttpResponse<?> all(HttpRequest<?> request) {
        List<Series> all = Series.of(series.findPublishedParts(clock.instant()));
        Instant newest = all.stream().map(Series::lastModified).max(Instant::compareTo).orElse(Instant.EPOCH);
        return HttpCaching.send(request, renderer.html("series/index",
                Head.of("Series", "Essays on " + site.title() + " written as series, read in order.", "/series"),
                new SeriesIndexView(all.stream().map(s -> new Entry(s.name(), s.url(), countLabel(s.parts()))).toList()),
                newest));
    }

    @Get("/{slug}")
    MutableHttpResponse<?> one(HttpRequest<?> request, String slug) {
        Instant now = clock.instant();
        List<PostSummary> rows = parts.findParts(slug, now);
        String name = rows.isEmpty() ? null : parts.findName(slug, now).orElse(null);
        if (name == null) {
            return errors.notFound(request);
        }
        List<PostItem> items = listing.items(rows);
        List<Part> numbered = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            numbered.add(new Part(i + 1, items.get(i)));
        }
        String countLabel = countLabel(rows.size());
        String path = SeriesParts.PATH + slug;
        Head head = new Head(name, "A series in " + countLabel + " on " + site.title() + ", in reading order.", path,
                Head.tagFeeds(name, path, site.title()), List.of(), null);
        return HttpCaching.send(request, renderer.html("series/show", head,
                new SeriesView(name, slug, countLabel, numbered), PostListing.newest(rows)));
    }

    private static String countLabel(int parts) {
        return parts + (parts == 1 ? " part" : " parts");
    }
}
