package dev.essayist.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesControllerTest extends SeriesSite {

    @Inject
    EmbeddedServer server;

    @Test
    void seriesPageListsItsPublishedPartsInReadingOrderAndLinksItsFeeds() {
        Document page = new Http(server.getURI()).html("/series/multi-tenant-postgresql");
        // The name as the first part spells it; the other spellings are the same series.
        assertThat(page.selectFirst("h1").text()).isEqualTo("Multi-tenant PostgreSQL");
        assertThat(page.selectFirst(".lede").text()).startsWith("3 parts, in reading order · ");
        assertThat(page.select(".series-list .series-number")).extracting(Element::text)
                .containsExactly("Part 1", "Part 2", "Part 3");
        assertThat(page.select(".series-list h2 a").eachAttr("href"))
                .containsExactly("/posts/settings", "/posts/policies", "/posts/tables");
        assertThat(page.select(".series-list li").get(2).select(".tags a").eachAttr("href")).containsExactly("/tags/postgresql");
        assertThat(page.select("link[rel=alternate]").eachAttr("href")).contains("/series/multi-tenant-postgresql/feed.xml",
                "/series/multi-tenant-postgresql/atom.xml", "/series/multi-tenant-postgresql/feed.json");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("https://essays.example.com/series/multi-tenant-postgresql");
        assertThat(page.select(".lede a").eachAttr("href")).contains("/series");
    }

    @Test
    void seriesIndexListsEverySeriesWithPublishedPartsByName() {
        Document page = new Http(server.getURI()).html("/series");
        assertThat(page.select(".series-index a")).extracting(Element::text)
                .containsExactly("Multi-tenant PostgreSQL", "Queues", "Ties");
        assertThat(page.select(".series-index a").eachAttr("href"))
                .containsExactly("/series/multi-tenant-postgresql", "/series/queues", "/series/ties");
        assertThat(page.select(".series-index .count")).extracting(Element::text)
                .containsExactly("3 parts", "1 part", "2 parts");
    }

    @Test
    void seriesWithoutAPublishedPartIsA404() {
        Http http = new Http(server.getURI());
        for (String missing : new String[] {"/series/hidden", "/series/no-such-series", "/series/hidden/feed.xml"}) {
            assertThat(http.get(missing).statusCode()).as(missing).isEqualTo(404);
        }
    }

    @Test
    void trailingSlashRedirectsToTheSeriesPage() {
        var response = new Http(server.getURI()).get("/series/queues/");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/series/queues");
    }

    @Test
    void sitemapListsTheSeriesIndexAndEachSeriesWithAPublishedPart() {
        String xml = new Http(server.getURI()).get("/sitemap.xml").body();
        Document sitemap = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(sitemap.select("url > loc")).extracting(Element::text).filteredOn(loc -> loc.contains("/series"))
                .containsExactly("https://essays.example.com/series", "https://essays.example.com/series/multi-tenant-postgresql",
                        "https://essays.example.com/series/queues", "https://essays.example.com/series/ties");
        Element settings = sitemap.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().endsWith("/series/multi-tenant-postgresql")).findFirst().orElseThrow();
        // The newest part is Settings, 1 May 2025 at midnight in the site zone (Chicago).
        assertThat(settings.selectFirst("lastmod").text()).isEqualTo("2025-05-01T00:00:00-05:00");
    }
}
