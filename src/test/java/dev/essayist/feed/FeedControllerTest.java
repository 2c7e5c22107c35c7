package dev.essayist.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.InputSource;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedControllerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    private HttpResponse<String> fetch() {
        return new Http(server.getURI()).get("/feed.xml");
    }

    private Channel channel() throws Exception {
        return (Channel) new WireFeedInput().build(new InputSource(new StringReader(fetch().body())));
    }

    @Test
    void servesRss20WithItsMediaType() throws Exception {
        HttpResponse<String> response = fetch();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        Channel channel = channel();
        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getTitle()).isEqualTo("Correct Before Fast");
        assertThat(channel.getLink()).isEqualTo("https://essays.example.com/");
        assertThat(response.body()).contains("<atom:link").contains("rel=\"self\"")
                .contains("href=\"https://essays.example.com/feed.xml\"");
    }

    @Test
    void itemsArePublishedEssaysNewestFirstWithStableGuids() throws Exception {
        Channel channel = channel();
        assertThat(channel.getItems()).extracting(Item::getTitle).containsExactly("Beta", "Alpha & Omega", "Gamma: the oldest");
        Item alpha = channel.getItems().get(1);
        assertThat(alpha.getLink()).isEqualTo("https://essays.example.com/posts/alpha");
        assertThat(alpha.getGuid().getValue()).isEqualTo("2025-01-10-alpha");
        assertThat(alpha.getGuid().isPermaLink()).isFalse();
        assertThat(alpha.getPubDate().toInstant()).isEqualTo(Instant.parse("2025-01-10T06:00:00Z"));
        assertThat(alpha.getCategories()).extracting(c -> c.getValue()).containsExactly("PostgreSQL", "Queues");
        assertThat(alpha.getDescription().getValue()).isEqualTo("Alpha's own summary.");
        assertThat(channel.getLastBuildDate().toInstant()).isEqualTo(Instant.parse("2025-02-20T10:00:00Z"));
    }

    @Test
    void pubDateIsRfc822WithTheRightWeekday() {
        // 2025-01-10 is a Friday; midnight in Chicago is 06:00 GMT.
        assertThat(fetch().body()).contains("<pubDate>Fri, 10 Jan 2025 06:00:00 GMT</pubDate>");
    }

    @Test
    void contentIsFullHtmlWithEveryUrlAbsolute() throws Exception {
        Item alpha = channel().getItems().get(1);
        Document content = Jsoup.parseBodyFragment(alpha.getContent().getValue());
        assertThat(content.select("table")).hasSize(1);
        assertThat(content.select("a[href]").eachAttr("href")).isNotEmpty()
                .allSatisfy(href -> assertThat(href).startsWith("https://essays.example.com/"));
        assertThat(content.select("a[href]").eachAttr("href")).contains("https://essays.example.com/posts/beta",
                "https://essays.example.com/posts/alpha#first-section");
        assertThat(content.selectFirst("img").attr("src")).isEqualTo("https://essays.example.com/static/img/diagram.png");
    }

    @Test
    void tagFeedHoldsOnlyThatTagsEssays() throws Exception {
        HttpResponse<String> response = new Http(server.getURI()).get("/tags/queues/feed.xml");
        Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(response.body())));
        assertThat(channel.getTitle()).isEqualTo("Correct Before Fast: Queues");
        assertThat(channel.getItems()).extracting(Item::getTitle).containsExactly("Alpha & Omega");
        assertThat(new Http(server.getURI()).get("/tags/no-such-tag/feed.xml").statusCode()).isEqualTo(404);
        assertThat(new Http(server.getURI()).get("/tags/drafts/feed.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void draftsScheduledAndBrokenEssaysAreNotInTheFeed() {
        assertThat(fetch().body()).doesNotContain("A draft").doesNotContain("From the future").doesNotContain("broken");
    }
}
