package dev.essayist.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.Await;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapControllerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Test
    void sitemapListsEveryPublicPageWithLastmod() {
        HttpResponse<String> response = new Http(server.getURI()).get("/sitemap.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        Document xml = Jsoup.parse(response.body(), "", Parser.xmlParser());
        assertThat(xml.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(xml.select("url > loc")).extracting(Element::text).containsExactly(
                "https://essays.example.com/", "https://essays.example.com/archive", "https://essays.example.com/tags",
                "https://essays.example.com/posts/beta", "https://essays.example.com/posts/alpha",
                "https://essays.example.com/posts/gamma", "https://essays.example.com/tags/architecture",
                "https://essays.example.com/tags/postgresql", "https://essays.example.com/tags/queues",
                "https://essays.example.com/about");
        Element alpha = xml.select("url").stream().filter(u -> u.selectFirst("loc").text().endsWith("/posts/alpha"))
                .findFirst().orElseThrow();
        assertThat(alpha.selectFirst("lastmod").text()).isEqualTo("2025-01-12T08:00:00-06:00");
    }

    @Test
    void robotsNamesTheSitemap() {
        HttpResponse<String> response = new Http(server.getURI()).get("/robots.txt");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body().lines()).contains("User-agent: *", "Sitemap: https://essays.example.com/sitemap.xml");
    }

    @Test
    void theFoldersRobotsTxtReplacesTheGeneratedOneAndEditsReachTheCachedAnswer() throws IOException {
        Http http = new Http(server.getURI());
        assertThat(http.get("/robots.txt").body()).contains("Sitemap: https://essays.example.com/sitemap.xml");
        site.staticFile("robots.txt", "User-agent: *\nDisallow: /drafts/\n".getBytes(StandardCharsets.UTF_8));
        try {
            Await.until(Duration.ofSeconds(5), "the folder's robots.txt served",
                    () -> http.get("/robots.txt").body().contains("Disallow: /drafts/"));
            HttpResponse<String> own = http.get("/robots.txt");
            assertThat(own.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(own.body()).doesNotContain("Sitemap:");
            site.staticFile("robots.txt", "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8));
            Await.until(Duration.ofSeconds(5), "the edited robots.txt served",
                    () -> http.get("/robots.txt").body().contains("Disallow: /\n"));
        } finally {
            Files.deleteIfExists(site.statics().resolve("robots.txt"));
        }
        Await.until(Duration.ofSeconds(5), "the generated robots.txt again",
                () -> http.get("/robots.txt").body().contains("Sitemap:"));
    }
}
