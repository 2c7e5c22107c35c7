package dev.essayist.feed;

import dev.essayist.post.Post;
import dev.essayist.post.PostItem.TagLink;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostRepository;
import dev.essayist.site.ErrorPages;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.Rendered;
import dev.essayist.site.SiteConfig;
import dev.essayist.site.StaticFiles;
import dev.essayist.tag.Tag;
import dev.essayist.tag.TagRepository;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The feeds: {@code /feed.xml} (RSS 2.0), {@code /atom.xml} (Atom 1.0), {@code /feed.json}
 * (JSON Feed 1.1), and the same per tag under {@code /tags/{tag}/}. Every format comes from one
 * "published essays, newest first" query turned into a {@link Feed}; Rome and Serde only write
 * bytes. Full content, every URL absolute, validators from the content.
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedController {

    private final PostRepository posts;
    private final TagRepository tags;
    private final ErrorPages errors;
    private final PostListing listing;
    private final SiteConfig site;
    private final FeedConfig config;
    private final StaticFiles statics;
    private final ObjectMapper json;
    private final Clock clock;

    FeedController(PostRepository posts, TagRepository tags, ErrorPages errors, PostListing listing, SiteConfig site,
                   FeedConfig config, StaticFiles statics, ObjectMapper json, Clock clock) {
        this.posts = posts;
        this.tags = tags;
        this.errors = errors;
        this.listing = listing;
        this.site = site;
        this.config = config;
        this.statics = statics;
        this.json = json;
        this.clock = clock;
    }

    @Get("/feed.xml")
    MutableHttpResponse<?> rss(HttpRequest<?> request) {
        return rss(request, siteFeed("/feed.xml"));
    }

    /**
     * RSS for readers; the same bytes as {@code application/xml} for a browser (its Accept names
     * {@code text/html}), which Chromium and Firefox then show through the feed's XSLT stylesheet
     * instead of as raw text or a download. {@code Vary: Accept} keeps shared caches honest.
     */
    private MutableHttpResponse<?> rss(HttpRequest<?> request, Feed feed) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        boolean browser = accept != null && accept.contains("text/html");
        MutableHttpResponse<?> response = send(request, feed,
                browser ? "application/xml; charset=utf-8" : RssWriter.MEDIA_TYPE, this::rss);
        response.getHeaders().set(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING);
        return response;
    }

    @Get("/atom.xml")
    MutableHttpResponse<?> atom(HttpRequest<?> request) {
        return send(request, siteFeed("/atom.xml"), AtomWriter.MEDIA_TYPE, this::atom);
    }

    @Get("/feed.json")
    MutableHttpResponse<?> jsonFeed(HttpRequest<?> request) {
        return send(request, siteFeed("/feed.json"), JsonFeed.MEDIA_TYPE, this::json);
    }

    @Get("/tags/{slug}/feed.xml")
    MutableHttpResponse<?> tagRss(HttpRequest<?> request, String slug) {
        return tagFeed(slug, "feed.xml").<MutableHttpResponse<?>>map(feed -> rss(request, feed))
                .orElseGet(() -> errors.notFound(request));
    }

    @Get("/tags/{slug}/atom.xml")
    MutableHttpResponse<?> tagAtom(HttpRequest<?> request, String slug) {
        return tagFeed(slug, "atom.xml").<MutableHttpResponse<?>>map(feed -> send(request, feed, AtomWriter.MEDIA_TYPE, this::atom))
                .orElseGet(() -> errors.notFound(request));
    }

    @Get("/tags/{slug}/feed.json")
    MutableHttpResponse<?> tagJson(HttpRequest<?> request, String slug) {
        return tagFeed(slug, "feed.json").<MutableHttpResponse<?>>map(feed -> send(request, feed, JsonFeed.MEDIA_TYPE, this::json))
                .orElseGet(() -> errors.notFound(request));
    }

    private MutableHttpResponse<?> send(HttpRequest<?> request, Feed feed, String mediaType, Function<Feed, String> writer) {
        return HttpCaching.send(request, Rendered.of(writer.apply(feed), mediaType, feed.updated().toInstant()));
    }

    private String rss(Feed feed) {
        return RssWriter.write(feed, statics.url("feed.xsl"));
    }

    private String atom(Feed feed) {
        return AtomWriter.write(feed, config.tagAuthority() != null ? config.tagAuthority() : site.host());
    }

    private String json(Feed feed) {
        try {
            return json.writeValueAsString(JsonFeed.of(feed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON Feed", e);
        }
    }

    private Feed siteFeed(String selfPath) {
        return feed(site.title(), site.description().isBlank() ? site.title() : site.description(), "/", selfPath,
                posts.findNewest(clock.instant(), config.size()));
    }

    private Optional<Feed> tagFeed(String slug, String file) {
        Optional<Tag> tag = tags.findBySlug(slug);
        List<Post> newest = tag.isEmpty() ? List.of() : posts.findNewestByTag(slug, clock.instant(), config.size());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        String path = "/tags/" + tag.get().slug();
        return Optional.of(feed(site.title() + ": " + tag.get().name(),
                "Essays tagged " + tag.get().name() + " on " + site.title() + ".", path, path + "/" + file, newest));
    }

    private Feed feed(String title, String description, String homePath, String selfPath, List<Post> newest) {
        Map<Long, List<TagLink>> tagsByPost = listing.tagsOf(newest.stream().map(Post::id).toList());
        List<FeedEntry> entries = newest.stream().map(post -> {
            String url = site.absolute(post.path());
            return new FeedEntry(post.guid(), post.title(), url, post.summary(), AbsoluteUrls.apply(post.html(), url),
                    zoned(post.publishedAt()), post.updatedAt() == null ? null : zoned(post.updatedAt()),
                    tagsByPost.getOrDefault(post.id(), List.of()).stream().map(TagLink::name).toList(), post.authors());
        }).toList();
        ZonedDateTime updated = zoned(newest.stream().map(Post::lastModified).max(Instant::compareTo).orElse(Instant.EPOCH));
        return new Feed(title, description, site.absolute(homePath), site.absolute(selfPath), site.language(),
                site.author(), updated, entries);
    }

    private ZonedDateTime zoned(Instant instant) {
        return instant.atZone(site.zone());
    }
}
