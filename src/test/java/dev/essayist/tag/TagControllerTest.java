package dev.essayist.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
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

    @Inject
    ContentIndexer indexer;

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
        assertThat(page.selectFirst(".lede").text()).startsWith("2 essays · ");
        assertThat(page.select(".post-summary h2 a")).extracting(Element::text).containsExactly("Beta", "Alpha & Omega");
        assertThat(page.selectFirst("link[rel=alternate][href=/tags/postgresql/feed.xml]")).isNotNull();
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://essays.example.com/tags/postgresql");
        // One page (the fixture's page size is 2): no links to other pages.
        assertThat(page.select("nav.pagination, link[rel=next], link[rel=prev]")).isEmpty();
    }

    @Test
    void tagWithMoreEssaysThanAPageIsPaginatedLikeTheIndex() {
        Http http = new Http(server.getURI());
        site.post("2025-03-10-delta.md", "title: Delta\ndate: 2025-03-10\ntags: [PostgreSQL]\n", "Delta.\n");
        indexer.reindex();
        try {
            Document first = http.html("/tags/postgresql");
            assertThat(first.selectFirst(".lede").text()).startsWith("3 essays · ");
            assertThat(first.select(".post-summary h2 a")).extracting(Element::text).containsExactly("Delta", "Beta");
            assertThat(first.selectFirst("link[rel=next]").attr("href")).isEqualTo("/tags/postgresql/page/2");
            assertThat(first.select("link[rel=prev]")).isEmpty();
            assertThat(first.select("nav.pagination a").eachAttr("href")).containsExactly("/tags/postgresql/page/2");

            Document second = http.html("/tags/postgresql/page/2");
            assertThat(second.selectFirst("h1").text()).isEqualTo("Essays tagged “PostgreSQL”, page 2 of 2");
            assertThat(second.selectFirst("title").text()).startsWith("Essays tagged PostgreSQL, page 2");
            assertThat(second.selectFirst(".lede").text()).startsWith("3 essays · ");
            assertThat(second.select(".post-summary h2 a")).extracting(Element::text).containsExactly("Alpha & Omega");
            assertThat(second.selectFirst("link[rel=canonical]").attr("href"))
                    .isEqualTo("https://essays.example.com/tags/postgresql/page/2");
            assertThat(second.selectFirst("link[rel=prev]").attr("href")).isEqualTo("/tags/postgresql");
            assertThat(second.select("link[rel=next]")).isEmpty();
            assertThat(second.selectFirst("link[rel=alternate][href=/tags/postgresql/feed.xml]")).isNotNull();

            var pageOne = http.get("/tags/postgresql/page/1");
            assertThat(pageOne.statusCode()).isEqualTo(301);
            assertThat(pageOne.headers().firstValue("Location")).hasValue("/tags/postgresql");
            for (String missing : new String[] {"/tags/postgresql/page/3", "/tags/postgresql/page/0",
                "/tags/postgresql/page/two", "/tags/no-such-tag/page/1", "/tags/no-such-tag/page/2",
                // Drafts is carried by a draft alone, Future by an essay not yet due.
                "/tags/drafts/page/1", "/tags/future/page/1"}) {
                assertThat(http.get(missing).statusCode()).as(missing).isEqualTo(404);
            }
        } finally {
            site.delete("2025-03-10-delta.md");
            indexer.reindex();
        }
    }

    @Test
    void unknownTagIsA404() {
        assertThat(new Http(server.getURI()).get("/tags/no-such-tag").statusCode()).isEqualTo(404);
    }
}
