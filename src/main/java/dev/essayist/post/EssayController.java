package dev.essayist.post;

import dev.essayist.post.PostItem.TagLink;
import dev.essayist.site.DateView;
import dev.essayist.site.ErrorPages;
import dev.essayist.site.Head;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.PageRenderer;
import dev.essayist.site.Rendered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One essay, at its canonical path ({@code essayist.permalink}: {@code /posts/{slug}} by default, or
 * a moved blog's own addresses such as {@code /2019/10/01/welcome/}), and the files of its page
 * bundle under that path. The route takes every path no other route claims: a path that is no
 * essay goes on to {@link ErrorPages#notFound}, whose fallbacks answer aliases and root static
 * files. The other spelling of an essay's path (with or without the trailing slash) answers 301 to
 * the canonical one. JDBC blocks, so this runs on the blocking executor.
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class EssayController {

    /** A table of contents is shown for essays with at least this many sections. */
    static final int TOC_MIN_SECTIONS = 3;


    /** The most related essays shown under an essay. */
    static final int RELATED = 3;


    private final PostRepository posts;
    private final EssayLinks links;
    private final PostListing listing;
    private final PageRenderer renderer;
    private final ErrorPages errors;
    private final BundleFiles bundles;
    private final EssaySeries series;
    private final Clock clock;

    EssayController(PostRepository posts, EssayLinks links, PostListing listing, PageRenderer renderer,
                    ErrorPages errors, BundleFiles bundles, EssaySeries series, Clock clock) {
        this.posts = posts;
        this.links = links;
        this.listing = listing;
        this.renderer = renderer;
        this.errors = errors;
        this.bundles = bundles;
        this.series = series;
        this.clock = clock;
    }

    /**
     * An essay page.
     *
     * @param title          plain-text title
     * @param published      first publication
     * @param updated        last update or {@code null}
     * @param readingMinutes reading time
     * @param words          word count
     * @param authors        the post's authors, shown as its byline; empty for the site's author
     * @param tags           tags
     * @param html           rendered body
     * @param toc            table of contents, empty when the essay has fewer than three sections
     * @param newer          the next newer essay or {@code null}
     * @param older          the next older essay or {@code null}
     * @param related        essays sharing the most tags, then newest; at most {@link #RELATED}
     * @param referencedBy   essays on this site that link to this one, newest first
     * @param hasCode        whether the body has code blocks (the highlighting scripts load only then)
     * @param banner         in preview mode, why readers would not see this essay; else {@code null}
     * @param series         its place in its series ("Part 2 of 3"), or {@code null} when it is in none
     */
    record EssayView(String title, DateView published, DateView updated, int readingMinutes, int words,
                     List<String> authors, List<TagLink> tags, String html, List<TocEntry> toc, PostItem newer, PostItem older,
                     List<PostItem> related, List<PostItem> referencedBy, boolean hasCode, Banner banner,
                     EssaySeries.Nav series) {
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

    /**
     * A table of contents entry.
     *
     * @param id       heading id
     * @param text     heading text
     * @param children h3 entries under an h2
     */
    record TocEntry(String id, String text, List<TocEntry> children) {
    }

    // Every path but the management endpoints': a route producing anything would take /health
    // from a probe that accepts anything (*/*), as Micronaut prefers a route naming the accepted type.
    @Get("/{+path:(?!health(/|$)|prometheus$).*}")
    MutableHttpResponse<?> essay(HttpRequest<?> request, @PathVariable String path) {
        Instant now = clock.instant();
        // The request's own path (the router hands the variable over without a trailing slash),
        // decoded (an address Jekyll's :title gives may hold ! or '), else as sent
        // (a front matter url written with an escape).
        String asked = dev.essayist.site.Routes.decodedPath(request.getPath());
        String key = dev.essayist.site.Routes.pathKey(asked);
        Optional<Post> post = posts.findPublishedByPath(key, now);
        if (post.isEmpty() && !asked.equals(request.getPath())) {
            Optional<Post> escaped = posts.findPublishedByPath(dev.essayist.site.Routes.pathKey(request.getPath()), now);
            if (escaped.isPresent()) {
                asked = request.getPath();
                post = escaped;
            }
        }
        if (post.isPresent()) {
            if (!post.get().path().equals(asked) && !asked.equals(post.get().path() + "/") && !post.get().path().equals(asked + "/")) {
                return errors.notFound(request);
            }
            if (!post.get().path().equals(asked)) {
                String query = request.getUri().getRawQuery();
                return HttpResponse.redirect(URI.create(dev.essayist.site.Routes.location(post.get().path())
                        + (query == null ? "" : "?" + query)));
            }
            return HttpCaching.send(request, render(post.get(), now));
        }
        // Essayist's own form of an essay's address, /posts/{slug}, leads to it whatever the
        // permalink (links written for Jekyll's post_url and Hugo's ref resolve to this form).
        if (key.startsWith("/posts/") && key.indexOf('/', 7) < 0) {
            Optional<String> moved = posts.findPublishedPathBySlug(key.substring(7), now);
            if (moved.isPresent() && !moved.get().equals(asked)) {
                return HttpResponse.redirect(dev.essayist.site.Routes.location(moved.get()));
            }
        }
        Optional<Rendered> file = bundles.find(key, now);
        if (file.isPresent()) {
            return HttpCaching.send(request, file.get(), HttpStatus.OK, HttpCaching.PAGE_CACHE);
        }
        return errors.notFound(request);
    }

    private dev.essayist.site.Rendered render(Post post, Instant now) {
        PostItem newer = posts.findNewer(now, post.publishedAt(), post.id()).map(p -> listing.item(p, List.of())).orElse(null);
        PostItem older = posts.findOlder(now, post.publishedAt(), post.id()).map(p -> listing.item(p, List.of())).orElse(null);
        List<TagLink> tags = listing.tagsOf(List.of(post.id())).getOrDefault(post.id(), List.of());
        List<PostSummary> related = links.findRelated(post.id(), now, RELATED);
        List<PostSummary> referencing = links.findReferencing(post.id(), now);
        DateView published = listing.date(post.publishedAt());
        EssaySeries.Nav nav = series.of(post, now).orElse(null);
        EssayView view = new EssayView(post.title(), published, listing.date(post.updatedAt()),
                post.readingMinutes(), post.wordCount(), post.authors(), tags, post.html(), toc(post.headings()), newer, older,
                listing.items(related), listing.items(referencing), post.hasCode(),
                Banner.of(post, now, published), nav);
        List<PostSummary> around = new ArrayList<>(related);
        around.addAll(referencing);
        Instant lastModified = java.util.stream.Stream.of(PostListing.newest(around), post.lastModified(),
                nav == null ? Instant.EPOCH : nav.lastModified()).max(Instant::compareTo).orElseThrow();
        Head head = new Head(post.title(), post.summary(), post.path(), List.of(), List.of(),
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

}
