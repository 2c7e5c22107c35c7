package dev.essayist.tag;

import dev.essayist.post.PostItem;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostRepository;
import dev.essayist.post.PostSummary;
import dev.essayist.site.ErrorPages;
import dev.essayist.site.Head;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.PageRenderer;
import dev.essayist.site.SiteConfig;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code /tags} (every tag with its count) and {@code /tags/{tag}} (one tag's essays, newest
 * first). A tag with no published essay is a 404.
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
     * @param name  display name
     * @param slug  tag slug
     * @param count essays with the tag
     * @param posts those essays, newest first
     */
    record TagView(String name, String slug, int count, List<PostItem> posts) {
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
        Instant now = clock.instant();
        List<PostSummary> rows = posts.findPublishedByTag(slug, now);
        Tag tag = tags.findBySlug(slug).orElse(null);
        if (rows.isEmpty() || tag == null) {
            return errors.notFound(request);
        }
        String path = "/tags/" + tag.slug();
        Head head = new Head("Essays tagged " + tag.name(),
                rows.size() + " essays on " + tag.name() + " at " + site.title() + ".", path,
                Head.tagFeeds(tag.name(), path, site.title()), List.of(), null);
        return HttpCaching.send(request, renderer.html("tag/show", head,
                new TagView(tag.name(), tag.slug(), rows.size(), listing.items(rows)), PostListing.newest(rows)));
    }
}
