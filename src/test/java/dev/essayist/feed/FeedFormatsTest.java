package dev.essayist.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.InputSource;

/** Every feed format, parsed back: RSS and Atom by Rome, JSON Feed by Micronaut Serde. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedFormatsTest extends SiteFixture {

    private static final String[] FEEDS = {"/feed.xml", "/atom.xml", "/feed.json",
        "/tags/postgresql/feed.xml", "/tags/postgresql/atom.xml", "/tags/postgresql/feed.json"};

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    private String get(String path, String mediaType) {
        HttpResponse<String> response = new Http(server.getURI()).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue(mediaType);
        return response.body();
    }

    private Feed atom(String path) throws Exception {
        return (Feed) new WireFeedInput().build(new InputSource(new StringReader(get(path, "application/atom+xml; charset=utf-8"))));
    }

    private JsonNode jsonFeed(String path) throws Exception {
        return json.readValue(get(path, "application/feed+json; charset=utf-8"), JsonNode.class);
    }

    @Test
    void atomIsRfc4287WithTagUriIdsAndFullContent() throws Exception {
        Feed feed = atom("/atom.xml");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).extracting(Entry::getTitle).containsExactly("Beta", "Alpha & Omega", "Gamma: the oldest");
        Entry alpha = feed.getEntries().get(1);
        assertThat(alpha.getId()).isEqualTo("tag:essays.example.com,2025-01-10:2025-01-10-alpha");
        assertThat(URI.create(alpha.getId()).getScheme()).isEqualTo("tag");
        assertThat(alpha.getAlternateLinks().get(0).getHref()).isEqualTo("https://essays.example.com/posts/alpha");
        assertThat(alpha.getPublished().toInstant()).isEqualTo(Instant.parse("2025-01-10T06:00:00Z"));
        assertThat(alpha.getUpdated().toInstant()).isEqualTo(Instant.parse("2025-01-12T14:00:00Z"));
        assertThat(alpha.getSummary().getValue()).isEqualTo("Alpha's own summary.");
        assertThat(alpha.getContents().get(0).getValue()).contains("<table>");
        assertThat(alpha.getCategories()).extracting(c -> c.getTerm()).containsExactly("PostgreSQL", "Queues");
        assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.parse("2025-02-20T10:00:00Z"));
        assertThat(feed.getOtherLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo("https://essays.example.com/atom.xml");
        });
    }

    @Test
    void jsonFeedIsVersion11WithOffsetDates() throws Exception {
        JsonNode feed = jsonFeed("/feed.json");
        assertThat(feed.get("version").getStringValue()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("feed_url").getStringValue()).isEqualTo("https://essays.example.com/feed.json");
        JsonNode items = feed.get("items");
        assertThat(items.size()).isEqualTo(3);
        JsonNode alpha = items.get(1);
        assertThat(alpha.get("id").getStringValue()).isEqualTo("2025-01-10-alpha");
        assertThat(alpha.get("url").getStringValue()).isEqualTo("https://essays.example.com/posts/alpha");
        assertThat(alpha.get("date_published").getStringValue()).isEqualTo("2025-01-10T00:00:00-06:00");
        assertThat(alpha.get("date_modified").getStringValue()).isEqualTo("2025-01-12T08:00:00-06:00");
        assertThat(alpha.get("summary").getStringValue()).isEqualTo("Alpha's own summary.");
        assertThat(alpha.get("tags").get(0).getStringValue()).isEqualTo("PostgreSQL");
        assertThat(items.get(0).get("date_modified")).isNull();
    }

    @Test
    void everyFeedHasUniqueIdsAndNoRelativeUrlInContent() throws Exception {
        for (String path : FEEDS) {
            List<String> ids = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            if (path.endsWith("feed.json")) {
                for (JsonNode item : jsonFeed(path).get("items").values()) {
                    ids.add(item.get("id").getStringValue());
                    contents.add(item.get("content_html").getStringValue());
                }
            } else if (path.endsWith("atom.xml")) {
                for (Entry entry : atom(path).getEntries()) {
                    ids.add(entry.getId());
                    contents.add(entry.getContents().get(0).getValue());
                }
            } else {
                Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(
                        get(path, "application/rss+xml; charset=utf-8"))));
                for (Item item : channel.getItems()) {
                    ids.add(item.getGuid().getValue());
                    contents.add(item.getContent().getValue());
                }
            }
            assertThat(ids).as(path).isNotEmpty().doesNotHaveDuplicates();
            for (String content : contents) {
                Document doc = Jsoup.parseBodyFragment(content);
                for (Element el : doc.select("[href], [src]")) {
                    String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                    assertThat(url).as(path + " " + el.tagName()).startsWith("https://essays.example.com/");
                }
            }
        }
    }

    @Test
    void tagFeedsHoldOnlyThatTag() throws Exception {
        assertThat(atom("/tags/postgresql/atom.xml").getEntries()).extracting(Entry::getTitle)
                .containsExactly("Beta", "Alpha & Omega");
        JsonNode items = jsonFeed("/tags/postgresql/feed.json").get("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(new Http(server.getURI()).get("/tags/future/atom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void rssCarriesAStylesheetForBrowsers() {
        String rss = get("/feed.xml", "application/rss+xml; charset=utf-8");
        assertThat(rss).containsPattern("<\\?xml-stylesheet type=\"text/xsl\" href=\"/static/feed\\.xsl(\\?v=[^\"]+)?\"\\?>");
    }

    @Test
    void browsersGetTheRssAsXmlSoTheStylesheetApplies() {
        HttpResponse<String> browser = new Http(server.getURI()).get("/feed.xml",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        HttpResponse<String> reader = new Http(server.getURI()).get("/feed.xml", "Accept", "application/rss+xml, */*");
        assertThat(browser.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        assertThat(reader.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        assertThat(browser.body()).isEqualTo(reader.body());
        assertThat(browser.headers().firstValue("ETag")).isNotEqualTo(reader.headers().firstValue("ETag"));
        assertThat(reader.headers().firstValue("Vary")).hasValue("Accept, Accept-Encoding");
    }

    @Test
    void everyPageHeadAdvertisesAllThreeFeeds() {
        Http http = new Http(server.getURI());
        for (String path : new String[] {"/", "/posts/alpha", "/tags", "/archive", "/about"}) {
            Document page = http.html(path);
            assertThat(page.select("link[rel=alternate]").eachAttr("type")).as(path)
                    .contains("application/rss+xml", "application/atom+xml", "application/feed+json");
            assertThat(page.select("footer a:contains(Subscribe)")).as(path).isNotEmpty();
        }
        Document tag = http.html("/tags/postgresql");
        assertThat(tag.select("link[rel=alternate]").eachAttr("href"))
                .contains("/tags/postgresql/feed.xml", "/tags/postgresql/atom.xml", "/tags/postgresql/feed.json");
    }
}
