package dev.essayist.sitemap;

import dev.essayist.site.HttpCaching;
import dev.essayist.site.Rendered;
import dev.essayist.site.SiteConfig;
import dev.essayist.site.StaticFiles;

import dev.essayist.page.Page;
import dev.essayist.page.PageRepository;
import dev.essayist.post.PostItem.TagLink;
import dev.essayist.post.PostListing;
import dev.essayist.post.PostRepository;
import dev.essayist.post.PostSummary;
import dev.essayist.series.Series;
import dev.essayist.series.SeriesRepository;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * For crawlers: {@code /sitemap.xml} (the Sitemaps 0.9 protocol, https://www.sitemaps.org/protocol.html:
 * home, archive, tag index, every published essay, every tag page, the series index and every series
 * page (when a series has a published part), and every standalone page, each with {@code lastmod})
 * and {@code /robots.txt} (RFC 9309): the site's own {@code robots.txt} from its static folder when it
 * has one (a blog brought over from Hugo or Jekyll keeps its rules), else one that allows everything
 * and names the sitemap.
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class SitemapController {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final PostRepository posts;
    private final PageRepository pages;
    private final SeriesRepository series;
    private final PostListing listing;
    private final SiteConfig site;
    private final Clock clock;
    private final StaticFiles statics;
    private final Instant started;

    SitemapController(PostRepository posts, PageRepository pages, SeriesRepository series, PostListing listing,
                      SiteConfig site, Clock clock, StaticFiles statics) {
        this.posts = posts;
        this.pages = pages;
        this.series = series;
        this.listing = listing;
        this.site = site;
        this.clock = clock;
        this.statics = statics;
        this.started = clock.instant();
    }

    @Get("/sitemap.xml")
    MutableHttpResponse<?> sitemap(HttpRequest<?> request) throws XMLStreamException {
        Instant now = clock.instant();
        List<PostSummary> published = posts.findPublished(now, Integer.MAX_VALUE, 0);
        Instant newest = PostListing.newest(published);
        Map<String, Instant> urls = new LinkedHashMap<>();
        urls.put("/", newest);
        urls.put("/archive", newest);
        urls.put("/tags", newest);
        for (PostSummary post : published) {
            urls.put(post.path(), post.lastModified());
        }
        Map<Long, List<TagLink>> tags = listing.tagsOf(published.stream().map(PostSummary::id).toList());
        Map<String, Instant> tagPages = new java.util.TreeMap<>();
        for (PostSummary post : published) {
            for (TagLink tag : tags.getOrDefault(post.id(), List.of())) {
                tagPages.merge(tag.url(), post.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        urls.putAll(tagPages);
        List<Series> all = Series.of(series.findPublishedParts(now));
        if (!all.isEmpty()) {
            urls.put("/series", all.stream().map(Series::lastModified).max(Instant::compareTo).orElseThrow());
            all.forEach(s -> urls.put(s.url(), s.lastModified()));
        }
        List<Page> standalone = new ArrayList<>();
        pages.findAll().forEach(standalone::add);
        standalone.sort(java.util.Comparator.comparing(Page::slug));
        Instant lastModified = newest;
        for (Page page : standalone) {
            urls.put("/" + page.slug(), page.updatedAt());
            lastModified = page.updatedAt().isAfter(lastModified) ? page.updatedAt() : lastModified;
        }
        return HttpCaching.send(request, Rendered.of(xml(urls), "application/xml; charset=utf-8", lastModified));
    }

    private String xml(Map<String, Instant> urls) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(NS);
        for (Map.Entry<String, Instant> url : urls.entrySet()) {
            xml.writeStartElement("url");
            xml.writeStartElement("loc");
            xml.writeCharacters(site.absolute(url.getKey()));
            xml.writeEndElement();
            xml.writeStartElement("lastmod");
            xml.writeCharacters(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(url.getValue().atZone(site.zone())));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    @Get("/robots.txt")
    MutableHttpResponse<?> robots(HttpRequest<?> request) {
        // Watched, so that the page cache drops this answer when the file is added, edited or removed.
        Rendered own = statics.watched("robots.txt").orElse(null);
        if (own != null) {
            return HttpCaching.send(request, own);
        }
        String text = "User-agent: *\nAllow: /\n\nSitemap: " + site.absolute("/sitemap.xml") + "\n";
        // Its only input is the configuration, read when the process started.
        return HttpCaching.send(request, Rendered.of(text, "text/plain; charset=utf-8", started));
    }
}
