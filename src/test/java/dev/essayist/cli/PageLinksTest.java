package dev.essayist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    private final PageLinks links = new PageLinks(URI.create("http://127.0.0.1:8080/"), "https://blog.example.org");

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsInternalLinksOfAnHtmlPageSorted() {
        String html = """
                <link rel="stylesheet" href="/theme/site.css?v=3">
                <a href="/posts/zeta">z</a> <a href="https://blog.example.org/posts/alpha#top">a</a>
                <a href="http://127.0.0.1:8080/tags/sql">t</a> <img src="/img/a.png"> <script src="/theme/app.js"></script>
                """;

        assertThat(links.of("/", "text/html; charset=utf-8", utf8(html)))
                .containsExactly("/img/a.png", "/posts/alpha", "/posts/zeta", "/tags/sql", "/theme/app.js", "/theme/site.css");
    }

    @Test
    void followsEverySrcsetCandidate() {
        String html = "<img src=\"/img/big.png\" srcset=\"/_img/big-640.png 640w, /_img/big-1280.png 1280w\">";

        assertThat(links.of("/posts/x", "text/html", utf8(html)))
                .containsExactly("/_img/big-1280.png", "/_img/big-640.png", "/img/big.png");
    }

    @Test
    void leavesOutExternalProtocolRelativeAndStaticLinks() {
        String html = """
                <a href="https://elsewhere.example.com/x">e</a> <a href="//cdn.example.com/y">p</a>
                <a href="mailto:me@example.org">m</a> <a href="/static/paper.pdf">s</a> <a href="#notes">f</a>
                """;

        assertThat(links.of("/posts/x", "text/html", utf8(html))).isEmpty();
    }

    @Test
    void readsTheLocationsOfTheSitemapOnly() {
        String sitemap = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://blog.example.org/posts/b</loc></url>
                  <url><loc>https://blog.example.org/about</loc></url>
                </urlset>
                """;

        assertThat(links.of("/sitemap.xml", "application/xml", utf8(sitemap))).containsExactly("/about", "/posts/b");
        assertThat(links.of("/feed.xml", "application/xml", utf8(sitemap))).isEmpty();
    }

    @Test
    void mapsARedirectTargetOnTheBaseUrlToItsPath() {
        assertThat(links.internal("https://blog.example.org/posts/new?ref=old")).contains("/posts/new");
        assertThat(links.internal("https://blog.example.org.evil.test/posts/new")).isEmpty();
    }
}
