package dev.essayist.feed;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.essayist.post.Post;
import dev.essayist.post.PostItem.TagLink;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostRepository;
import dev.essayist.site.ErrorPages;
import dev.essayist.site.HttpCaching;
import dev.essayist.tag.Tag;
import dev.essayist.tag.TagRepository;
import java.util.Optional;
import dev.essayist.site.Rendered;
import dev.essayist.site.SiteConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * {@code /feed.xml} and {@code /tags/{tag}/feed.xml}: the newest published essays (of a tag) as RSS 2.0 (https://www.rssboard.org/rss-specification),
 * written by Rome: full HTML in {@code content:encoded} with every URL absolute, the plain-text
 * summary as {@code description}, the stable id as {@code guid isPermaLink="false"}, RFC 822
 * {@code pubDate}, tags as {@code category}, and {@code atom:link rel="self"}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedController {

    /** The RSS media type; RSS has no registered type, this is the one readers expect. */
    static final String RSS = "application/rss+xml; charset=utf-8";

    private final PostRepository posts;
    private final TagRepository tags;
    private final ErrorPages errors;
    private final PostListing listing;
    private final SiteConfig site;
    private final FeedConfig config;
    private final Clock clock;

    FeedController(PostRepository posts, TagRepository tags, ErrorPages errors, PostListing listing, SiteConfig site,
                   FeedConfig config, Clock clock) {
        this.posts = posts;
        this.tags = tags;
        this.errors = errors;
        this.listing = listing;
        this.site = site;
        this.config = config;
        this.clock = clock;
    }

    @Get("/feed.xml")
    MutableHttpResponse<?> rss(HttpRequest<?> request) {
        List<Post> newest = posts.findNewest(clock.instant(), config.size());
        return HttpCaching.send(request, Rendered.of(rss(newest, "/feed.xml", site.title()), RSS, lastModified(newest)));
    }

    @Get("/tags/{slug}/feed.xml")
    MutableHttpResponse<?> tagRss(HttpRequest<?> request, String slug) {
        Optional<Tag> tag = tags.findBySlug(slug);
        List<Post> newest = tag.isEmpty() ? List.of() : posts.findNewestByTag(slug, clock.instant(), config.size());
        if (newest.isEmpty()) {
            return errors.notFound(request);
        }
        return HttpCaching.send(request, Rendered.of(rss(newest, "/tags/" + slug + "/feed.xml",
                site.title() + ": " + tag.get().name()), RSS, lastModified(newest)));
    }

    /**
     * @param items posts, newest first
     * @return the newest content time among them: the feed's {@code lastBuildDate}, which moves
     *         only when content does
     */
    static Instant lastModified(List<Post> items) {
        return items.stream().map(Post::lastModified).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private String rss(List<Post> items, String selfPath, String title) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(title);
        channel.setLink(site.absolute("/"));
        channel.setDescription(site.description().isBlank() ? site.title() : site.description());
        channel.setLanguage(site.language());
        channel.setGenerator("Essayist");
        channel.setLastBuildDate(Date.from(lastModified(items)));
        Link self = new Link();
        self.setRel("self");
        self.setType("application/rss+xml");
        self.setHref(site.absolute(selfPath));
        AtomLinkModule selfModule = new AtomLinkModuleImpl();
        selfModule.setLink(self);
        channel.setModules(new ArrayList<>(List.of(selfModule)));

        Map<Long, List<TagLink>> tags = listing.tagsOf(items.stream().map(Post::id).toList());
        List<Item> rssItems = new ArrayList<>();
        for (Post post : items) {
            String url = site.absolute("/posts/" + post.slug());
            Item item = new Item();
            item.setTitle(post.title());
            item.setLink(url);
            Guid guid = new Guid();
            guid.setPermaLink(false);
            guid.setValue(post.guid());
            item.setGuid(guid);
            item.setPubDate(Date.from(post.publishedAt()));
            Description description = new Description();
            description.setType("text/plain");
            description.setValue(post.summary());
            item.setDescription(description);
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(AbsoluteUrls.apply(post.html(), url));
            item.setContent(content);
            List<Category> categories = new ArrayList<>();
            for (TagLink tag : tags.getOrDefault(post.id(), List.of())) {
                Category category = new Category();
                category.setValue(tag.name());
                categories.add(category);
            }
            item.setCategories(categories);
            rssItems.add(item);
        }
        channel.setItems(rssItems);
        try {
            return new WireFeedOutput().outputString(channel);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the RSS feed", e);
        }
    }
}
