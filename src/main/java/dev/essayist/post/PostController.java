package dev.essayist.post;

import dev.essayist.post.PostItem.TagLink;
import dev.essayist.site.DateView;
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
 * The essays: {@code /} and {@code /page/{n}} (newest first), {@code /posts/{slug}} (one essay,
 * its canonical URL), and {@code /archive} (every essay by year). JDBC blocks, so these run on
 * the blocking executor, never on the event loop.
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class PostController {

    /** A table of contents is shown for essays with at least this many sections. */
    static final int TOC_MIN_SECTIONS = 3;

    private final PostRepository posts;
    private final EssayLinks links;
    private final PostListing listing;
    private final PageRenderer renderer;
    private final ErrorPages errors;
    private final SiteConfig site;
    private final Clock clock;

    PostController(PostRepository posts, EssayLinks links, PostListing listing, PageRenderer renderer, ErrorPages errors,
                   SiteConfig site, Clock clock) {
        this.posts = posts;
        this.links = links;
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
     * An essay page.
     *
     * @param title          plain-text title
     * @param published      first publication
     * @param updated        last update or {@code null}
     * @param readingMinutes reading time
     * @param words          word count
     * @param tags           tags
     * @param html           rendered body
     * @param toc            table of contents, empty when the essay has fewer than three sections
     * @param newer          the next newer essay or {@code null}
     * @param older          the next older essay or {@code null}
     * @param related        essays sharing the most tags, then newest; at most {@link #RELATED}
     * @param referencedBy   essays on this site that link to this one, newest first
     * @param hasCode        whether the body has code blocks (the highlighting scripts load only then)
     * @param banner         in preview mode, why readers would not see this essay; else {@code null}
     */
    record EssayView(String title, DateView published, DateView updated, int readingMinutes, int words,
                     List<TagLink> tags, String html, List<TocEntry> toc, PostItem newer, PostItem older,
                     List<PostItem> related, List<PostItem> referencedBy, boolean hasCode, Banner banner) {
    }

    /**
     * The preview banner of an essay that is not public (only reachable with {@code essayist.preview}).
     *
     * @param kind {@code draft} or {@code scheduled}
     * @param text what the author should know
     */
    record Banner(String kind, String text) {

        static Banner of(Post post, Instant now, DateView published) {
            if (post.draft()) {
                return new Banner("draft", "Draft: not public. Shown because preview mode is on.");
            }
            return post.publishedAt().isAfter(now) ? new Banner("scheduled", "Scheduled for " + published.human()
                    + ": not public yet. Shown because preview mode is on.") : null;
        }
    }

    /** The most related essays shown under an essay. */
    static final int RELATED = 3;

    /**
     * A table of contents entry.
     *
     * @param id       heading id
     * @param text     heading text
     * @param children h3 entries under an h2
     */
    record TocEntry(String id, String text, List<TocEntry> children) {
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

    @Get("/posts/{slug}")
    MutableHttpResponse<?> essay(HttpRequest<?> request, String slug) {
        Instant now = clock.instant();
        return posts.findPublishedBySlug(slug, now)
                .<MutableHttpResponse<?>>map(post -> HttpCaching.send(request, render(post, now)))
                .orElseGet(() -> errors.notFound(request));
    }

    private dev.essayist.site.Rendered render(Post post, Instant now) {
        PostItem newer = posts.findNewer(now, post.publishedAt(), post.id()).map(p -> listing.item(p, List.of())).orElse(null);
        PostItem older = posts.findOlder(now, post.publishedAt(), post.id()).map(p -> listing.item(p, List.of())).orElse(null);
        List<TagLink> tags = listing.tagsOf(List.of(post.id())).getOrDefault(post.id(), List.of());
        List<PostSummary> related = links.findRelated(post.id(), now, RELATED);
        List<PostSummary> referencing = links.findReferencing(post.id(), now);
        DateView published = listing.date(post.publishedAt());
        EssayView view = new EssayView(post.title(), published, listing.date(post.updatedAt()),
                post.readingMinutes(), post.wordCount(), tags, post.html(), toc(post.headings()), newer, older,
                listing.items(related), listing.items(referencing), post.hasCode(),
                Banner.of(post, now, published));
        List<PostSummary> around = new ArrayList<>(related);
        around.addAll(referencing);
        Instant lastModified = PostListing.newest(around).isAfter(post.lastModified())
                ? PostListing.newest(around) : post.lastModified();
        Head head = new Head(post.title(), post.summary(), "/posts/" + post.slug(), List.of(), List.of(),
                new Head.Article(post.publishedAt(), post.updatedAt(), tags.stream().map(TagLink::name).toList()));
        return renderer.html("post/show", head, view, lastModified);
    }

    private static List<TocEntry> toc(List<Heading> headings) {
        if (headings.stream().filter(h -> h.level() == 2).count() < TOC_MIN_SECTIONS) {
            return List.of();
        }
        List<TocEntry> entries = new ArrayList<>();
        List<TocEntry> children = null;
        for (Heading h : headings) {
            if (h.level() == 2 || children == null) {
                children = new ArrayList<>();
                entries.add(new TocEntry(h.id(), h.text(), children));
            } else {
                children.add(new TocEntry(h.id(), h.text(), List.of()));
            }
        }
        return entries;
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
