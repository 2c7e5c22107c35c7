package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Canonical URL, description, Open Graph, Twitter card and JSON-LD in page heads. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadMetadataTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    private static String meta(Document page, String attr, String name) {
        return page.selectFirst("meta[" + attr + "=" + name + "]").attr("content");
    }

    @Test
    void essayHasOpenGraphArticleTagsAndBlogPostingJsonLd() throws Exception {
        Document page = new Http(server.getURI()).html("/posts/alpha");
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:title")).isEqualTo("Alpha & Omega · Correct Before Fast");
        assertThat(meta(page, "property", "og:url")).isEqualTo("https://essays.example.com/posts/alpha");
        assertThat(meta(page, "property", "og:description")).isEqualTo("Alpha's own summary.");
        assertThat(meta(page, "property", "article:published_time")).isEqualTo("2025-01-10T00:00:00-06:00");
        assertThat(meta(page, "property", "article:modified_time")).isEqualTo("2025-01-12T08:00:00-06:00");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("PostgreSQL", "Queues");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");

        JsonNode ld = json.readValue(page.selectFirst("script[type=application/ld+json]").data(), JsonNode.class);
        assertThat(ld.get("@context").getStringValue()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").getStringValue()).isEqualTo("BlogPosting");
        assertThat(ld.get("headline").getStringValue()).isEqualTo("Alpha & Omega");
        assertThat(ld.get("datePublished").getStringValue()).isEqualTo("2025-01-10T00:00:00-06:00");
        assertThat(ld.get("dateModified").getStringValue()).isEqualTo("2025-01-12T08:00:00-06:00");
        assertThat(ld.get("author").get("name").getStringValue()).isEqualTo("Essayist demo author");
        assertThat(ld.get("keywords").get(1).getStringValue()).isEqualTo("Queues");
    }

    @Test
    void otherPagesAreWebsitesWithoutJsonLd() {
        Document page = new Http(server.getURI()).html("/tags");
        assertThat(meta(page, "property", "og:type")).isEqualTo("website");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://essays.example.com/tags");
        assertThat(meta(page, "name", "description")).isNotBlank();
        assertThat(page.select("script[type=application/ld+json]")).isEmpty();
    }
}
