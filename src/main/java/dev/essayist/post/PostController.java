package dev.essayist.post;

import dev.essayist.site.ErrorPages;
import dev.essayist.site.Head;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.PageRenderer;
import dev.essayist.site.Pagination;
import dev.essayist.site.SiteConfig;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists of essays: {@code /} and {@code /page/{n}} (newest first) and {@code /archive} (every
 * essay by year); one essay is {@link EssayController}'s. JDBC blocks, so these run on
 * the blocking executor, never on the event loop.
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class PostController {

    private final PostRepository posts;
    private final PostListing listing;
    private final PageRenderer renderer;
    private final ErrorPages errors;
    private final SiteConfig site;
    private final Clock clock;

    PostController(PostRepository posts, PostListing listing, PageRenderer renderer, ErrorPages errors,
                   SiteConfig site, Clock clock) {
        this.posts = posts;
        this.listing = listing;
        this.renderer = renderer;
        this.errors = errors;
        this.site = site;
        this.clock = clock;
    }

    /**
     * One page of the index.
     *
     * @param posts      the posts on this page
     * @param pagination where this page sits among the others
     */
    record IndexView(List<PostItem> posts, Pagination pagination) {
    }

    /**
     * The archive.
     *
     * @param total every published essay
     * @param years essays grouped by year, newest year first
     */
    record ArchiveView(long total, List<YearGroup> years) {
    }

    /**
     * @param year  a year
     * @param count essays published that year
     * @param posts those essays, newest first
     */
    record YearGroup(int year, int count, List<PostItem> posts) {
    }

    @Get("/")
    MutableHttpResponse<?> index(HttpRequest<?> request) {
        return indexPage(request, 1);
    }

    @Get("/page/{n}")
    MutableHttpResponse<?> page(HttpRequest<?> request, String n) {
        int number = Pagination.number(n);
        if (number == 1) {
            return HttpResponse.redirect(URI.create("/"));
        }
        return number < 1 ? errors.notFound(request) : indexPage(request, number);
    }

    private MutableHttpResponse<?> indexPage(HttpRequest<?> request, int number) {
        Instant now = clock.instant();
        Pagination place = Pagination.of(number, posts.countPublished(now), site.pageSize(), "/");
        if (place == null) {
            return errors.notFound(request);
        }
        List<PostSummary> rows = posts.findPublished(now, place.size(), place.offset());
        String title = number == 1 ? site.title() : "Essays, page " + number;
        Head head = new Head(title, site.description(), place.url(), List.of(), place.rel(), null);
        return HttpCaching.send(request, renderer.html("post/index", head,
                new IndexView(listing.items(rows), place),
                PostListing.newest(rows)));
    }

    @Get("/archive")
    MutableHttpResponse<?> archive(HttpRequest<?> request) {
        Instant now = clock.instant();
        List<PostSummary> rows = posts.findPublished(now, Integer.MAX_VALUE, 0);
        Map<Integer, List<PostItem>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        List<PostItem> items = listing.items(rows);
        for (int i = 0; i < rows.size(); i++) {
            byYear.computeIfAbsent(rows.get(i).publishedAt().atZone(site.zone()).getYear(), y -> new ArrayList<>())
                    .add(items.get(i));
        }
        List<YearGroup> years = byYear.entrySet().stream()
                .map(e -> new YearGroup(e.getKey(), e.getValue().size(), e.getValue())).toList();
        return HttpCaching.send(request, renderer.html("post/archive",
                Head.of("Archive", "Every essay on " + site.title() + ", by year.", "/archive"),
                new ArchiveView(rows.size(), years), PostListing.newest(rows)));
    }
}
