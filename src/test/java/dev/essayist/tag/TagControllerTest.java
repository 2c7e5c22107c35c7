package dev.essayist.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TagControllerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Test
    void tagIndexListsPublishedTagsWithCountsMergingSpellings() {
        Document page = new Http(server.getURI()).html("/tags");
        assertThat(page.select(".tag-cloud a").eachAttr("href"))
                .containsExactly("/tags/architecture", "/tags/postgresql", "/tags/queues");
        assertThat(page.select(".tag-cloud a .count")).extracting(Element::text).containsExactly("1", "2", "1");
        assertThat(page.selectFirst(".tag-cloud a[href=/tags/postgresql]").ownText()).isEqualTo("PostgreSQL");
    }

    @Test
    void tagPageListsItsEssaysNewestFirstAndLinksItsFeed() {
        Document page = new Http(server.getURI()).html("/tags/postgresql");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Essays tagged “PostgreSQL”");
        assertThat(page.select(".post-summary h2 a")).extracting(Element::text).containsExactly("Beta", "Alpha & Omega");
        assertThat(page.selectFirst("link[rel=alternate][href=/tags/postgresql/feed.xml]")).isNotNull();
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://essays.example.com/tags/postgresql");
    }

    @Test
    void unknownTagIsA404() {
        assertThat(new Http(server.getURI()).get("/tags/no-such-tag").statusCode()).isEqualTo(404);
    }
}
