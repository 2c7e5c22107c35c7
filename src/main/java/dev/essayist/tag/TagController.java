package dev.essayist.tag;

import dev.essayist.post.PostItem;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostRepository;
import dev.essayist.post.PostSummary;
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
import java.util.List;

/**
 * {@code /tags} (every tag with its count) and {@code /tags/{tag}} (one tag's essays, newest
 * first, {@code essayist.page-size} to a page; later pages at {@code /tags/{tag}/page/{n}}, as
 * the index's). A tag with no published essay, or a page past the last, is a 404.
 */
@Controller(value = "/tags", produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class TagController {

    private final TagRepository tags;
    private final PostRepository posts;
    private final PostListing listing;
    private final PageRenderer renderer;
    private final ErrorPages errors;
    private final SiteConfig site;
    private final Clock clock;

    TagController(TagRepository tags, PostRepository posts, PostListing listing, PageRenderer renderer,
                  ErrorPages errors, SiteConfig site, Clock clock) {
        this.tags = tags;
        this.posts = posts;
        this.listing = listing;
        this.renderer = renderer;
        this.errors = errors;
        this.site = site;
        this.clock = clock;
    }

    /**
     * @param tags  tags with published essays, by name
     * @param total number of tags
     */
    record TagsView(List<TagCount> tags, int total) {
    }

    /**
     * @param name       display name
     * @param slug       tag slug
     * @param countLabel how many essays carry the tag, e.g. {@code 1 essay} or {@code 12 essays}
     * @param posts      this page of those essays, newest first
     * @param pagination where this page sits among the others
     */
    record TagView(String name, String slug, String countLabel, List<PostItem> posts, Pagination pagination) {
    }

    @Get
    MutableHttpResponse<?> all(HttpRequest<?> request) {
        Instant now = clock.instant();
        List<TagCount> counts = tags.findCounts(now);
        Instant newest = PostListing.newest(posts.findPublished(now, 1, 0));
        return HttpCaching.send(request, renderer.html("tag/index",
                Head.of("Tags", "Every topic on " + site.title() + ", with the number of essays on each.", "/tags"),
                new TagsView(counts, counts.size()), newest));
    }

    @Get("/{slug}")
    MutableHttpResponse<?> one(HttpRequest<?> request, String slug) {
        return tagPage(request, slug, 1);
    }

    @Get("/{slug}/page/{n}")
    MutableHttpResponse<?> page(HttpRequest<?> request, String slug, String n) {
        int number = Pagination.number(n);
        if (number == 1) {
            // Page 1 lives at the tag's own address. Only a tag with a published essay is redirected
            // there: one carried by drafts alone does not exist for readers (design.md invariant 5).
            return posts.countPublishedByTag(slug, clock.instant()) == 0 ? errors.notFound(request)
                    : tags.findBySlug(slug).<MutableHttpResponse<?>>map(
                            tag -> HttpResponse.redirect(URI.create("/tags/" + tag.slug())))
                    .orElseGet(() -> errors.notFound(request));
        }
        return number < 1 ? errors.notFound(request) : tagPage(request, slug, number);
    }

    private MutableHttpResponse<?> tagPage(HttpRequest<?> request, String slug, int number) {
        Instant now = clock.instant();
        long total = posts.countPublishedByTag(slug, now);
        Tag tag = total == 0 ? null : tags.findBySlug(slug).orElse(null);
        Pagination place = tag == null ? null : Pagination.of(number, total, site.pageSize(), "/tags/" + tag.slug());
        if (place == null) {
            return errors.notFound(request);
        }
        List<PostSummary> rows = posts.findPublishedByTag(slug, now, place.size(), place.offset());
        String countLabel = total + (total == 1 ? " essay" : " essays");
        String title = "Essays tagged " + tag.name() + (number == 1 ? "" : ", page " + number);
        Head head = new Head(title, countLabel + " on " + tag.name() + " at " + site.title() + ".", place.url(),
                Head.tagFeeds(tag.name(), "/tags/" + tag.slug(), site.title()), place.rel(), null);
        return HttpCaching.send(request, renderer.html("tag/show", head,
                new TagView(tag.name(), tag.slug(), countLabel, listing.items(rows), place), PostListing.newest(rows)));
    }
}
