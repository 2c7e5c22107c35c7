package dev.essayist.search;

import dev.essayist.post.PostItem;
import dev.essayist.post.PostItem.TagLink;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostSummary;
import dev.essayist.site.ErrorPages;
import dev.essayist.site.Head;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.PageRenderer;
import dev.essayist.site.Pagination;
import dev.essayist.site.Rendered;
import dev.essayist.site.SiteConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /search?q=&page=}: the published essays that match a query ({@link SearchQuery}), best
 * first ({@link EssaySearch}), {@code essayist.page-size} to a page, with the number of all matches,
 * links to the previous and next pages ({@code rel=prev/next}), a snippet per result, and links
 * that narrow the search to a tag of the results. Any query gets an ordinary page; a page past
 * the last is a 404, as on the index. While the index is opened or rebuilt, the page says so and
 * is not cached.
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {

    private final EssaySearch search;
    private final PublishedPosts published;
    private final PostListing listing;
    private final PageRenderer renderer;
    private final ErrorPages errors;
    private final SiteConfig site;
    private final Clock clock;

    SearchController(EssaySearch search, PublishedPosts published, PostListing listing, PageRenderer renderer,
                     ErrorPages errors, SiteConfig site, Clock clock) {
        this.search = search;
        this.published = published;
        this.listing = listing;
        this.renderer = renderer;
        this.errors = errors;
        this.site = site;
        this.clock = clock;
    }

    /**
     * The search page.
     *
     * @param query      the query as typed, or empty
     * @param searched   whether there was something to search
     * @param available  false while the index is opened or rebuilt (no results are shown)
     * @param total      how many essays match, on every page
     * @param results    this page's results, best first
     * @param pagination this page among the others; its {@code newerUrl} is the page of better matches
     * @param narrow     tags of this page's results that the query does not name, each linking to the
     *                   same search in that tag only
     */
    record SearchView(String query, boolean searched, boolean available, long total, List<Result> results,
                      Pagination pagination, List<TagLink> narrow) {

        /** @return "No essay matches", "1 essay matches" or "80 essays match" */
        public String countLabel() {
            return total == 0 ? "No essay matches" : total == 1 ? "1 essay matches" : total + " essays match";
        }

        /** @return the rank of this page's first result, for {@code <ol start>} */
        public long start() {
            return pagination.offset() + 1;
        }
    }

    /**
     * @param post    the essay
     * @param snippet HTML, escaped: body text around the best match, words found in {@code <mark>}
     */
    record Result(PostItem post, String snippet) {
    }

    @Get("/search")
    MutableHttpResponse<?> search(HttpRequest<?> request, @Nullable @QueryValue("q") String q,
                                  @Nullable @QueryValue("page") String page) {
        Instant now = clock.instant();
        SearchQuery query = SearchQuery.parse(q);
        int number = page == null ? 1 : Pagination.number(page);
        int size = site.pageSize();
        if (number < 1 || number > Integer.MAX_VALUE / size - 1) {
            return errors.notFound(request);
        }
        // The results may change with any published essay: the newest change among them all.
        Instant newest = published.at(now).newest();
        if (query.isEmpty()) {
            return number == 1 ? send(request, query, 1, new SearchView(query.text(), false, true, 0, List.of(),
                    Pagination.of(1, 0, size, "/search"), List.of()), newest) : errors.notFound(request);
        }
        SearchResults found = search.search(query, now, (number - 1) * size, size);
        if (!found.available()) {
            Rendered rendered = renderer.html("search/show", head(query, 1, null), new SearchView(query.text(), true,
                    false, 0, List.of(), Pagination.of(1, 0, size, "/search"), List.of()), newest);
            return HttpResponse.ok(rendered.body()).contentType(rendered.contentType())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        int pages = (int) Math.max(1, (found.total() + size - 1) / size);
        if (number > pages) {
            return errors.notFound(request);
        }
        Pagination place = new Pagination(number, pages, size, url(query.text(), 1),
                number == 1 ? null : url(query.text(), number - 1), number == pages ? null : url(query.text(), number + 1));
        List<PostItem> items = listing.items(found.hits().stream().map(SearchController::summary).toList());
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results.add(new Result(items.get(i), found.hits().get(i).snippet()));
        }
        return send(request, query, number, new SearchView(query.text(), true, true, found.total(), results, place,
                narrow(query, items)), newest);
    }

    private MutableHttpResponse<?> send(HttpRequest<?> request, SearchQuery query, int number, SearchView view,
                                        Instant newest) {
        return HttpCaching.send(request, renderer.html("search/show", head(query, number, view.pagination()), view, newest));
    }

    private Head head(SearchQuery query, int number, @Nullable Pagination place) {
        String title = query.text().isEmpty() ? "Search" : "Search: " + query.text() + (number > 1 ? ", page " + number : "");
        return new Head(title, "Search the essays on " + site.title() + ".", "/search", List.of(),
                place == null ? List.of() : place.rel(), null);
    }

    /** @return the tags of these results not yet in the query, by name, each linking to the narrowed search */
    private static List<TagLink> narrow(SearchQuery query, List<PostItem> items) {
        Map<String, TagLink> tags = new LinkedHashMap<>();
        for (PostItem item : items) {
            for (TagLink tag : item.tags()) {
                String slug = tag.url().substring(tag.url().lastIndexOf('/') + 1);
                if (!query.tags().contains(slug)) {
                    tags.putIfAbsent(slug, new TagLink(tag.name(), url(query.narrowedTo(slug), 1)));
                }
            }
        }
        return tags.values().stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    /** @return the address of one page of the results of {@code q} */
    static String url(String q, int page) {
        return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (page == 1 ? "" : "&page=" + page);
    }

    private static PostSummary summary(SearchHit hit) {
        return new PostSummary(hit.id(), hit.slug(), hit.path(), hit.title(), hit.summary(), hit.publishedAt(), hit.updatedAt(),
                hit.readingMinutes());
    }
}
