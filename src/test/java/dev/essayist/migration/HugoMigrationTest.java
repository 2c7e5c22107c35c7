package dev.essayist.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import dev.essayist.content.ContentProblem;
import dev.essayist.site.MovableClock;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Hugo {@code content/posts} folder copied unchanged into {@code posts/}, served with Hugo's
 * default addresses ({@code /posts/:slugorfilename/}: the {@code slug}, else the file name made a
 * path) and Hugo's feed ids (the permalink): every form of
 * front matter, date and publication control in Hugo's documentation means what it means in Hugo.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HugoMigrationTest implements TestPropertyProvider {

    private final TestSite site = MigratedSite.of("hugo/posts");

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = site.movedProperties("/posts/:slugorfilename/");
        props.put("essayist.moved-from", "hugo");
        props.put("test.movable-clock", "2030-05-31T23:00:00Z");
        return props;
    }

    private Http http() {
        return new Http(server.getURI());
    }

    private SyndFeed rss() throws Exception {
        return new SyndFeedInput().build(new StringReader(http().get("/feed.xml").body()));
    }

    @Test
    void feedGuidsAreThoseHugosRssPublishedSoNoSubscriberSeesAPostTwice() throws Exception {
        SyndFeed before = new SyndFeedInput().build(new StringReader(
                Files.readString(Path.of("src/test/resources/migration/hugo/index.xml"))));
        List<String> published = before.getEntries().stream().map(SyndEntry::getUri).toList();
        assertThat(published).hasSize(4);
        assertThat(rss().getEntries()).extracting(SyndEntry::getUri).containsAll(published);
        SyndFeed atom = new SyndFeedInput().build(new StringReader(http().get("/atom.xml").body()));
        assertThat(atom.getEntries()).extracting(SyndEntry::getUri).containsAll(published);
    }

    @Test
    void mathIsDelimitedByDoubleDollarsAsHugosPassthroughDocumentsIt() {
        Document page = http().html("/posts/dollars/");
        assertThat(page.select("article math")).hasSize(1);
        assertThat(page.selectFirst("article").text()).contains("\"$time $metadata[$level] $message\" is text");
        assertThat(indexer.problems()).noneMatch(p -> p.file().endsWith("dollars.md"));
    }

    @Test
    @Order(1)
    void everyPostHugoPublishesIsPublishedAndNothingIsAnError() {
        assertThat(indexer.problems()).filteredOn(p -> p.severity() == ContentProblem.Severity.ERROR).isEmpty();
        assertThat(indexer.skipped()).singleElement().satisfies(s -> assertThat(s).endsWith("_index.md: skipped: a section's"
                + " list page (Hugo's _index.md), not a post"));
        for (String path : List.of("/posts/first-post/", "/posts/toml-post/", "/posts/json-slug/", "/posts/bundle-post/",
                "/custom/address/", "/posts/expiring-post/")) {
            assertThat(http().get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void aFileNameKeepsItsUnderscoresAndDotsAsHugosPathsDo() {
        assertThat(http().html("/posts/snake_case_v1.2/").selectFirst("h1").text()).isEqualTo("Underscores and dots");
        // Essayist's own form of the address (the essay's slug) leads there.
        HttpResponse<String> own = http().get("/posts/snake-case-v1-2");
        assertThat(own.statusCode()).isEqualTo(301);
        assertThat(own.headers().firstValue("Location")).hasValue("/posts/snake_case_v1.2/");
    }

    @Test
    @Order(2)
    void yamlFrontMatterKeepsHugosMeaning() {
        Document page = http().html("/posts/first-post/");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Getting started with a static site");
        // A one-digit hour, as Hugo's documentation writes it.
        assertThat(page.selectFirst("article time").attr("datetime")).startsWith("2019-04-09");
        assertThat(page.selectFirst("meta[name=description]").attr("content"))
                .isEqualTo("How the first page of the site was put together.");
        assertThat(page.select("article .essay-header .tags a")).extracting(Element::text).contains("hugo", "writing", "Notes");
        assertThat(page.selectFirst(".byline").text()).isEqualTo("By Jo Writer");
    }

    @Test
    @Order(3)
    void tomlFrontMatterTheMoreMarkerAndRelativeAliases() throws Exception {
        SyndEntry toml = rss().getEntries().stream().filter(e -> e.getTitle().equals("Front matter in TOML")).findFirst().orElseThrow();
        assertThat(toml.getDescription().getValue()).isEqualTo("This part is the summary, up to the marker.");
        HttpResponse<String> old = http().get("/old/toml/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/posts/toml-post/");
        assertThat(http().get("/posts/toml-old").headers().firstValue("Location")).hasValue("/posts/toml-post/");
    }

    @Test
    @Order(4)
    void jsonFrontMatterSlugAndUuid() throws Exception {
        assertThat(http().html("/posts/json-slug/").selectFirst("h1").text()).isEqualTo("Front matter in JSON");
        assertThat(rss().getEntries()).extracting(SyndEntry::getUri).contains("6a1f2c1e-5c1d-4e0b-9d7a-3c0e2f4b8a11");
    }

    @Test
    @Order(5)
    void feedIdsAreTheAddressesHugoPublishedSoNoItemAppearsTwice() throws Exception {
        SyndEntry first = rss().getEntries().stream().filter(e -> e.getTitle().startsWith("Getting started")).findFirst().orElseThrow();
        assertThat(first.getUri()).isEqualTo("https://example.org/posts/first-post/");
        assertThat(first.getLink()).isEqualTo("https://example.org/posts/first-post/");
        HttpResponse<String> hugoFeed = http().get("/index.xml");
        assertThat(hugoFeed.statusCode()).isEqualTo(301);
        assertThat(hugoFeed.headers().firstValue("Location")).hasValue("/feed.xml");
        assertThat(http().get("/tags/hugo/index.xml").headers().firstValue("Location")).hasValue("/tags/hugo/feed.xml");
    }

    @Test
    @Order(6)
    void aPageBundleServesItsResourcesUnderItsAddress() {
        Element image = http().html("/posts/bundle-post/").selectFirst(".prose img");
        assertThat(image.attr("src")).isEqualTo("/posts/bundle-post/diagram.png");
        HttpResponse<String> file = http().get("/posts/bundle-post/diagram.png");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(http().get("/posts/bundle-post/index.md").statusCode()).isEqualTo(404);
        assertThat(http().get("/posts/bundle-post/../first-post.md").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void draftsFuturePublishDatesAndPastExpiryDatesAreNowhere() throws Exception {
        for (String path : List.of("/posts/draft-post/", "/posts/scheduled-post/", "/posts/expired-post/")) {
            assertThat(http().get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(rss().getEntries()).extracting(SyndEntry::getTitle)
                .doesNotContain("Not ready", "Scheduled by publishDate", "Already expired");
        assertThat(http().get("/sitemap.xml").body()).doesNotContain("draft-post", "scheduled-post", "expired-post");
        assertThat(http().get("/search?q=visible").body()).doesNotContain("Scheduled by publishDate", "Already expired");
    }

    @Test
    @Order(8)
    void anExpiryDateTakesThePostDownOnTimeWithNoFileEvent() throws Exception {
        assertThat(http().get("/posts/expiring-post/").statusCode()).isEqualTo(200);
        assertThat(rss().getEntries()).extracting(SyndEntry::getTitle).contains("Expires soon");
        clock.advance(Duration.ofHours(2));
        assertThat(http().get("/posts/expiring-post/").statusCode()).isEqualTo(404);
        assertThat(rss().getEntries()).extracting(SyndEntry::getTitle).doesNotContain("Expires soon");
        assertThat(http().get("/").body()).doesNotContain("Expires soon");
    }

    @Test
    @Order(9)
    void aPublishDateBringsThePostOutOnTime() {
        clock.advance(Duration.ofDays(365 * 2));
        assertThat(http().get("/posts/scheduled-post/").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(10)
    void theOtherSpellingOfAnAddressRedirectsToIt() {
        HttpResponse<String> bare = http().get("/posts/first-post");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/posts/first-post/");
    }
}
