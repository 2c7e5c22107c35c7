package dev.essayist.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.essayist.TestSite.Http;
import dev.essayist.series.SeriesSite;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A series' own feeds, as a tag's: its published parts, newest first, in every format. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesFeedTest extends SeriesSite {

    private static final String BASE = "/series/multi-tenant-postgresql/";

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    private HttpResponse<String> get(String path) {
        return new Http(server.getURI()).get(path);
    }

    private SyndFeed syndFeed(String file, String mediaType) throws Exception {
        HttpResponse<String> response = get(BASE + file);
        assertThat(response.statusCode()).as(file).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(file).hasValue(mediaType);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    @Test
    void rssHasThePublishedPartsNewestFirst() throws Exception {
        SyndFeed feed = syndFeed("feed.xml", "application/rss+xml; charset=utf-8");
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Correct Before Fast: Multi-tenant PostgreSQL");
        assertThat(feed.getLink()).isEqualTo("https://essays.example.com/series/multi-tenant-postgresql");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Settings", "Policies", "Tables first");
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                "https://essays.example.com/posts/settings", "https://essays.example.com/posts/policies",
                "https://essays.example.com/posts/tables");
    }

    @Test
    void atomHasTheSameEntriesAndNamesItsOwnAddress() throws Exception {
        SyndFeed feed = syndFeed("atom.xml", "application/atom+xml; charset=utf-8");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Settings", "Policies", "Tables first");
        assertThat(feed.getLinks()).anySatisfy(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo("https://essays.example.com" + BASE + "atom.xml");
        });
    }

    @Test
    void jsonFeedHasTheSameItems() throws Exception {
        HttpResponse<String> response = get(BASE + "feed.json");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/feed+json; charset=utf-8");
        JsonNode feed = json.readValue(response.body(), JsonNode.class);
        assertThat(feed.get("feed_url").getStringValue()).isEqualTo("https://essays.example.com" + BASE + "feed.json");
        List<String> titles = new ArrayList<>();
        feed.get("items").values().forEach(item -> titles.add(item.get("title").getStringValue()));
        assertThat(titles).containsExactly("Settings", "Policies", "Tables first");
    }

    @Test
    void hugoSeriesFeedAddressRedirectsToTheSeriesFeed() {
        HttpResponse<String> response = get(BASE + "index.xml");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue(BASE + "feed.xml");
    }

    @Test
    void unknownSeriesOrFileIsA404() {
        for (String missing : new String[] {"/series/no-such-series/feed.xml", "/series/hidden/atom.xml",
            "/series/hidden/feed.json", BASE + "rss.xml", BASE + "feed.txt"}) {
            assertThat(get(missing).statusCode()).as(missing).isEqualTo(404);
        }
    }
}
