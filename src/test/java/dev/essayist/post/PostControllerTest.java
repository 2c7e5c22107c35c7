package dev.essayist.post;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostControllerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(server.getURI());
    }

    @Test
    void indexListsPublishedEssaysNewestFirstWithPagination() {
        Document first = http.html("/");
        assertThat(first.select(".post-summary h2 a")).extracting(Element::text).containsExactly("Beta", "Alpha & Omega");
        assertThat(first.select(".post-summary h2 a").eachAttr("href")).containsExactly("/posts/beta", "/posts/alpha");
        assertThat(first.selectFirst("link[rel=next]").attr("href")).isEqualTo("/page/2");
        assertThat(first.select("link[rel=prev]")).isEmpty();
        assertThat(first.title()).isEqualTo("Correct Before Fast");

        Document second = http.html("/page/2");
        assertThat(second.select(".post-summary h2 a")).extracting(Element::text).containsExactly("Gamma: the oldest");
        assertThat(second.selectFirst("link[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(second.select("link[rel=next]")).isEmpty();
        assertThat(http.get("/page/3").statusCode()).isEqualTo(404);
        assertThat(http.get("/page/1").headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void everyPageHasLanguageViewportFeedLinkAndCanonicalUrl() {
        Document page = http.html("/posts/alpha");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("meta[name=viewport]")).hasSize(1);
        assertThat(page.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("/feed.xml");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://essays.example.com/posts/alpha");
        assertThat(page.title()).isEqualTo("Alpha & Omega · Correct Before Fast");
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("Alpha's own summary.");
    }

    @Test
    void essayPageShowsTitleDatesReadingTimeTagsTocBodyAndNeighbours() {
        Document page = http.html("/posts/alpha");
        Element article = page.selectFirst("main article.essay");
        assertThat(article.selectFirst("h1").text()).isEqualTo("Alpha & Omega");
        assertThat(article.select(".meta time").eachAttr("datetime"))
                .containsExactly("2025-01-10T00:00:00-06:00", "2025-01-12T08:00:00-06:00");
        assertThat(article.selectFirst(".meta").text()).contains("10 January 2025").contains("Updated 12 January 2025")
                .contains("1 min read");
        assertThat(article.select(".essay-header .tags a")).extracting(Element::text).containsExactly("PostgreSQL", "Queues");
        assertThat(article.select(".essay-header .tags a").eachAttr("href")).containsExactly("/tags/postgresql", "/tags/queues");
        assertThat(article.select("nav.toc > details > ol > li > a").eachAttr("href"))
                .containsExactly("#first-section", "#second-section", "#third-section");
        assertThat(article.select("nav.toc ol ol a").eachAttr("href")).containsExactly("#a-detail");
        for (String href : article.select("nav.toc a").eachAttr("href")) {
            assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
        }
        assertThat(article.select(".prose table td")).extracting(Element::text).containsExactly("a", "1");
        assertThat(article.selectFirst(".prose pre code.language-sql").text()).isEqualTo("SELECT 1;");
        assertThat(article.select(".prose .footnotes li")).hasSize(1);
        assertThat(article.selectFirst(".prev-next a[rel=prev]").attr("href")).isEqualTo("/posts/gamma");
        assertThat(article.selectFirst(".prev-next a[rel=next]").attr("href")).isEqualTo("/posts/beta");
    }

    @Test
    void shortEssayHasNoTableOfContents() {
        assertThat(http.html("/posts/beta").select("nav.toc")).isEmpty();
    }

    @Test
    void draftsScheduledAndBrokenEssaysAppearNowhere() {
        assertThat(http.get("/posts/draft").statusCode()).isEqualTo(404);
        assertThat(http.get("/posts/future").statusCode()).isEqualTo(404);
        assertThat(http.get("/posts/broken").statusCode()).isEqualTo(404);
        for (String path : new String[] {"/", "/page/2", "/archive", "/tags"}) {
            String text = http.html(path).text();
            assertThat(text).as(path).doesNotContain("A draft").doesNotContain("From the future").doesNotContain("Drafts")
                    .doesNotContain("Future").doesNotContain("Broken");
        }
        assertThat(http.get("/tags/drafts").statusCode()).isEqualTo(404);
        assertThat(http.get("/tags/future").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsAnswerA404PageInTheLayout() {
        for (String path : new String[] {"/posts/nope", "/no/such/page", "/page/x"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
            assertThat(page.select("header.site-header nav a")).isNotEmpty();
        }
    }

    @Test
    void aliasesAndTrailingSlashesRedirectPermanently() {
        HttpResponse<String> alias = http.get("/2025/02/beta");
        assertThat(alias.statusCode()).isEqualTo(301);
        assertThat(alias.headers().firstValue("Location")).hasValue("/posts/beta");
        assertThat(http.get("/posts/old-beta").headers().firstValue("Location")).hasValue("/posts/beta");
        HttpResponse<String> slash = http.get("/posts/beta/");
        assertThat(slash.statusCode()).isEqualTo(301);
        assertThat(slash.headers().firstValue("Location")).hasValue("/posts/beta");
        // A path that only looks like another host never becomes a redirect to that host.
        HttpResponse<String> hostLike = http.get("//evil.example/");
        assertThat(hostLike.statusCode()).isIn(200, 404);
        assertThat(hostLike.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void archiveGroupsEssaysByYearWithCounts() {
        Document page = http.html("/archive");
        assertThat(page.select("section.year h2")).extracting(Element::text).containsExactly("2025 (2)", "2024 (1)");
        assertThat(page.select("section.year").get(0).select("a")).extracting(Element::text)
                .containsExactly("Beta", "Alpha & Omega");
    }
}
