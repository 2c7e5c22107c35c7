package dev.essayist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.essayist.TestSite.Http;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The XSS corpus ({@link XssCorpus}) written as a real essay, in its body and in its title, summary
 * and tags, then read back over HTTP: on the essay page, on the lists that show it, and in every
 * feed that carries it. Nothing can run script; the ordinary content is all there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssTest extends SiteFixture {

    private static final String SITE = "https://essays.example.com";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    XssTest() {
        site.post("2025-05-01-xss.md", """
                title: '%s'
                date: 2025-05-01
                summary: '%s'
                tags: ['%s', PostgreSQL]
                """.formatted(yaml(XssCorpus.TITLE), yaml(XssCorpus.SUMMARY), yaml(XssCorpus.TAG)),
                XssCorpus.essayBody());
    }

    /** @return the text as the inside of a YAML single-quoted scalar */
    private static String yaml(String text) {
        return text.replace("'", "''");
    }

    private Http http() {
        return new Http(server.getURI());
    }

    @Test
    void essayPageShowsTheCorpusDisarmed() {
        Document page = http().html("/posts/xss");
        assertThat(page.select(XssCorpus.EXECUTABLE_INLINE_SCRIPT)).isEmpty();
        Element main = page.selectFirst("main");
        XssCorpus.assertHarmless(main, "the essay page");
        XssCorpus.assertOrdinaryContent(main.selectFirst(".prose"), "", "the essay page");
    }

    @Test
    void frontMatterIsPlainTextOnThePage() {
        Document page = http().html("/posts/xss");
        assertThat(page.selectFirst("h1").text()).isEqualTo(XssCorpus.TITLE);
        assertThat(page.title()).startsWith(XssCorpus.TITLE);
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo(XssCorpus.SUMMARY);
        assertThat(page.select("article header a[href^=/tags/]").eachText()).contains(XssCorpus.TAG);
        assertThat(page.select("img[onerror], b[onmouseover]")).isEmpty();
    }

    @Test
    void listsShowTheFrontMatterAsText() {
        String tagPath = http().html("/posts/xss").select("article header a[href^=/tags/]").stream()
                .filter(a -> a.text().equals(XssCorpus.TAG)).findFirst().orElseThrow().attr("href");
        for (String path : List.of("/", "/archive", "/tags", tagPath)) {
            Document page = http().html(path);
            assertThat(page.select(XssCorpus.EXECUTABLE_INLINE_SCRIPT + ", img[onerror], b[onmouseover]")).as(path)
                    .isEmpty();
            XssCorpus.assertHarmless(page.selectFirst("main"), path);
            assertThat(page.selectFirst("main").text()).as(path).containsAnyOf(XssCorpus.TITLE, XssCorpus.TAG);
        }
    }

    @Test
    void everyFeedCarriesTheCorpusDisarmed() throws Exception {
        String tagPath = http().html("/posts/xss").select("article header a[href^=/tags/]").stream()
                .filter(a -> a.text().equals(XssCorpus.TAG)).findFirst().orElseThrow().attr("href");
        List<String> feeds = new ArrayList<>(List.of("/feed.xml", "/tags/postgresql/feed.xml", tagPath + "/feed.xml"));
        if (http().get("/atom.xml").statusCode() == 200) {
            feeds.add("/atom.xml"); // Rome reads Atom as well; the route is not on every branch yet
        }
        for (String feedPath : feeds) {
            HttpResponse<String> response = http().get(feedPath);
            assertThat(response.statusCode()).as(feedPath).isEqualTo(200);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
            SyndEntry entry = feed.getEntries().stream().filter(e -> e.getLink().equals(SITE + "/posts/xss"))
                    .findFirst().orElseThrow(() -> new AssertionError("no xss item in " + feedPath));
            assertThat(entry.getTitle()).as(feedPath).isEqualTo(XssCorpus.TITLE);
            assertThat(entry.getDescription().getValue()).as(feedPath).isEqualTo(XssCorpus.SUMMARY);
            assertThat(entry.getCategories()).extracting(SyndCategory::getName).as(feedPath).contains(XssCorpus.TAG);
            Element content = Jsoup.parseBodyFragment(entry.getContents().get(0).getValue()).body();
            XssCorpus.assertHarmless(content, feedPath);
            XssCorpus.assertOrdinaryContent(content, SITE, feedPath);
        }
    }

    @Test
    void jsonFeedCarriesTheCorpusDisarmed() throws Exception {
        HttpResponse<String> response = http().get("/feed.json");
        assumeThat(response.statusCode()).as("/feed.json exists on this branch").isEqualTo(200);
        JsonNode feed = json.readValue(response.body(), Argument.of(JsonNode.class));
        JsonNode item = null;
        for (JsonNode candidate : feed.get("items").values()) {
            if (candidate.get("url").getStringValue().equals(SITE + "/posts/xss")) {
                item = candidate;
            }
        }
        assertThat(item).as("xss item in /feed.json").isNotNull();
        assertThat(item.get("title").getStringValue()).isEqualTo(XssCorpus.TITLE);
        Element content = Jsoup.parseBodyFragment(item.get("content_html").getStringValue()).body();
        XssCorpus.assertHarmless(content, "/feed.json");
        XssCorpus.assertOrdinaryContent(content, SITE, "/feed.json");
    }
}
