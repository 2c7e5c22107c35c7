package dev.essayist.post;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** "Related essays" and "Referenced by" under an essay, and the scripts of pages with code. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EssayLinksTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    Http http;

    EssayLinksTest() {
        // Links to Beta by an old alias, shares two tags with Alpha and one with Beta.
        site.post("2025-02-25-delta.md", """
                title: Delta
                date: 2025-02-25
                tags: [PostgreSQL, Queues]
                """, "Delta follows [the old Beta](/posts/old-beta#x) and [Gamma](https://essays.example.com/posts/gamma).\n");
        site.post("2025-03-02-hidden.md", """
                title: Hidden draft
                date: 2025-03-02
                tags: [PostgreSQL, Queues, Architecture]
                draft: true
                """, "Links to [Alpha](/posts/alpha) and [Gamma](/posts/gamma).\n");
    }

    @BeforeEach
    void client() {
        http = new Http(server.getURI());
    }

    private static java.util.List<String> titles(Document page, String headingId) {
        Element section = page.selectFirst("section:has(h2#" + headingId + ")");
        return section == null ? java.util.List.of() : section.select("li a").eachText();
    }

    @Test
    void relatedEssaysShareTheMostTagsThenAreNewest() {
        // Alpha [PostgreSQL, Queues]: Delta shares two, Beta one; the draft is never shown.
        assertThat(titles(http.html("/posts/alpha"), "related-essays")).containsExactly("Delta", "Beta");
        // Beta [postgresql]: Delta and Alpha share one each; Delta is newer.
        assertThat(titles(http.html("/posts/beta"), "related-essays")).containsExactly("Delta", "Alpha & Omega");
        assertThat(http.html("/posts/gamma").select("#related-essays")).isEmpty();
    }

    @Test
    void referencedByListsPublishedEssaysLinkingHereBySlugAliasOrAbsoluteUrl() {
        assertThat(titles(http.html("/posts/beta"), "referenced-by")).containsExactly("Delta", "Alpha & Omega");
        assertThat(titles(http.html("/posts/alpha"), "referenced-by")).containsExactly("Beta");
        assertThat(titles(http.html("/posts/gamma"), "referenced-by")).containsExactly("Delta");
        assertThat(http.html("/posts/delta").select("#referenced-by")).isEmpty();
    }

    @Test
    void highlightingScriptsLoadOnlyOnPagesWithCode() {
        Document withCode = http.html("/posts/alpha");
        // highlight.js is prefetched and run by code.js only once a block nears the viewport.
        assertThat(withCode.select("head link[rel=prefetch][href^=/vendor/highlight.min.js]")).hasSize(1);
        assertThat(withCode.select("head script[src^=/static/js/code.js][defer]").attr("data-highlight"))
                .isEqualTo(withCode.select("head link[rel=prefetch]").attr("href"));
        Document withoutCode = http.html("/posts/beta");
        assertThat(withoutCode.select("[href^=/vendor/], script[src^=/static/js/code.js]")).isEmpty();
        // The theme script is on every page, blocking (no defer/async), so the theme applies before paint.
        assertThat(withoutCode.select("head script[src^=/static/js/site.js]:not([defer]):not([async])")).hasSize(1);
        // No inline script or style (the CSP forbids them); a JSON-LD data block is data, never run.
        assertThat(withCode.select("script:not([src]):not([type=application/ld+json]), style, [style]")).isEmpty();
    }

    @Test
    void servesHighlightJsFromTheJarWithValidators() {
        String url = http.html("/posts/alpha").selectFirst("link[href^=/vendor/]").attr("href");
        var response = http.get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(response.body()).contains("hljs");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(http.get("/vendor/other.js").statusCode()).isEqualTo(404);
        assertThat(http.get("/vendor/..%2Fpom.properties").statusCode()).isEqualTo(404);
    }
}
