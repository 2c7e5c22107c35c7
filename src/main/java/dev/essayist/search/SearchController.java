package dev.essayist.search;

import dev.essayist.post.PostItem;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostRepository;
import dev.essayist.post.PostSummary;
import dev.essayist.site.Head;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.PageRenderer;
import dev.essayist.site.SiteConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /search?q=}: full-text search over the titles, summaries and bodies of published
 * essays, best match first, each with a snippet that highlights the words found. Any query,
 * empty, quoted or 2,000 characters long, gets an ordinary page (see {@link SearchQuery}).
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {

    /** The most results shown. */
    static final int MAX_RESULTS = 50;

    private final SearchIndex search;
    private final PostRepository posts;
    private final PostListing listing;
    private final PageRenderer renderer;
    private final SiteConfig site;
    private final Clock clock;

    SearchController(SearchIndex search, PostRepository posts, PostListing listing, PageRenderer renderer,
                     SiteConfig site, Clock clock) {
        this.search = search;
        this.posts = posts;
        this.listing = listing;
        this.renderer = renderer;
        this.site = site;
        this.clock = clock;
    }

    /**
     * The search page.
     *
     * @param query   the query as typed, or empty
     * @param searched whether there was a word to search
     * @param results best first
     */
    record SearchView(String query, boolean searched, List<Result> results) {
    }

    /**
     * @param post    the essay
     * @param snippet body text around the words found, in parts
     */
    record Result(PostItem post, List<SearchRanking.Part> snippet) {
    }

    @Get("/search")
    MutableHttpResponse<?> search(HttpRequest<?> request, @Nullable @QueryValue("q") String q) {
        Instant now = clock.instant();
        SearchQuery query = SearchQuery.parse(q);
        List<Result> results = new ArrayList<>();
        Instant newest = PostListing.newest(posts.findPublished(now, 1, 0));
        if (!query.isEmpty()) {
            SearchRanking ranking = new SearchRanking(query);
            List<SearchHit> hits = ranking.rank(search.search(query, now, MAX_RESULTS));
            List<PostItem> items = listing.items(hits.stream().map(SearchController::summary).toList());
            for (int i = 0; i < hits.size(); i++) {
                results.add(new Result(items.get(i), ranking.snippet(hits.get(i).body())));
            }
        }
        String title = query.text().isEmpty() ? "Search" : "Search: " + query.text();
        return HttpCaching.send(request, renderer.html("search/show",
                Head.of(title, "Search the essays on " + site.title() + ".", "/search"),
                new SearchView(query.text(), !query.isEmpty(), results), newest));
    }

    private static PostSummary summary(SearchHit hit) {
        return new PostSummary(hit.id(), hit.slug(), hit.path(), hit.title(), hit.summary(), hit.publishedAt(), hit.updatedAt(),
                hit.readingMinutes());
    }
}
