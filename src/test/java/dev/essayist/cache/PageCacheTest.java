package dev.essayist.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentChanged;
import dev.essayist.content.ContentChanging;
import dev.essayist.content.ContentIndexer;
import dev.essayist.site.HttpCaching;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The response cache over HTTP: it serves what it rendered until a reindex writes or the stylesheet
 * changes, and keeps only 200s to routed GETs outside {@code /static/}. The index is edited with
 * SQL behind the cache's back, so a stale answer shows that the cache answered and a fresh one
 * shows that it was dropped. (The schedule: {@link PageCacheScheduleTest}.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheTest extends CacheSiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationEventPublisher<ContentChanged> events;

    @Inject
    ApplicationEventPublisher<ContentChanging> changing;

    @Inject
    ContentIndexer indexer;

    /** An H2 trigger that refuses every insert, as a full disk would. */
    public static final class FailingTrigger implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("no space left on device (a test trigger)");
        }
    }

    @BeforeEach
    void freshCache() {
        sql("UPDATE post SET title = 'Beta' WHERE slug = 'beta'");
        sql("UPDATE post SET slug = 'gamma', path = '/posts/gamma', path_key = '/posts/gamma' WHERE slug = 'renamed'");
        // A reindex that wrote: the cache drops everything and answers again.
        events.publishEvent(ContentChanged.of(Set.of("reset.md")));
    }

    @Test
    void servesTheCachedPageUntilTheIndexChanges() {
        Http http = new Http(server.getURI());
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");

        sql("UPDATE post SET title = 'Beta, edited' WHERE slug = 'beta'");
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");

        events.publishEvent(ContentChanged.of(Set.of("2025-02-20-beta.md")));
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta, edited");
    }

    @Test
    void aReindexThatWroteNothingKeepsTheCachedPages() {
        Http http = new Http(server.getURI());
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");

        sql("UPDATE post SET title = 'Beta, edited' WHERE slug = 'beta'");
        // Every reindex ends with a ContentChanged; one that wrote no file changed no page.
        events.publishEvent(ContentChanged.of(Set.of()));
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");
    }

    @Test
    void whileAReindexWritesNothingIsAnsweredOrStoredFromTheCache() {
        Http http = new Http(server.getURI());
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");

        // The reindex announces its write, then commits: the rows already show the new title, and
        // its ContentChanged comes only after the search index is published. A reader in between
        // must get the rows, not the page cached before (a renamed essay served at both addresses).
        changing.publishEvent(new ContentChanging());
        sql("UPDATE post SET title = 'Beta, edited' WHERE slug = 'beta'");
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta, edited");
        // What was rendered in between was not stored either.
        sql("UPDATE post SET title = 'Beta, twice' WHERE slug = 'beta'");
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta, twice");

        events.publishEvent(ContentChanged.of(Set.of("2025-02-20-beta.md")));
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta, twice");
        // Caching again after the change.
        sql("UPDATE post SET title = 'Beta, thrice' WHERE slug = 'beta'");
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta, twice");
    }

    @Test
    void aReindexWhoseWriteFailsKeepsTheLastGoodPagesAndCachesAgain() {
        Http http = new Http(server.getURI());
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");
        site.post("2025-05-01-new.md", "title: New\ndate: 2025-05-01\n", "New.\n");
        sql("CREATE TRIGGER refuse_posts BEFORE INSERT ON post FOR EACH ROW CALL \""
                + FailingTrigger.class.getName() + "\"");
        try {
            assertThatThrownBy(indexer::reindex).hasStackTraceContaining("no space left on device");
        } finally {
            sql("DROP TRIGGER refuse_posts");
            site.delete("2025-05-01-new.md");
        }

        assertThat(http.get("/posts/new").statusCode()).isEqualTo(404);
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");
        // The failed write still ended with a ContentChanged, so the cache answers again.
        sql("UPDATE post SET title = 'Beta, edited' WHERE slug = 'beta'");
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");
    }

    @Test
    void answers304AgainstTheCachedValidatorsWithoutRendering() {
        Http http = new Http(server.getURI());
        String etag = http.get("/posts/beta").headers().firstValue("ETag").orElseThrow();

        // Rendering now would give other bytes and so another ETag; the cached one still matches.
        sql("UPDATE post SET title = 'Beta, edited' WHERE slug = 'beta'");
        HttpResponse<String> revalidated = http.get("/posts/beta", "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
        assertThat(revalidated.headers().firstValue("Cache-Control")).hasValue(HttpCaching.PAGE_CACHE);
    }

    @Test
    void errorPagesAreNotCached() {
        Http http = new Http(server.getURI());
        assertThat(http.get("/posts/renamed").statusCode()).isEqualTo(404);

        sql("UPDATE post SET slug = 'renamed', path = '/posts/renamed', path_key = '/posts/renamed' WHERE slug = 'gamma'");
        assertThat(http.get("/posts/renamed").statusCode()).isEqualTo(200);
    }

    @Test
    void browsersAndFeedReadersGetTheirOwnCachedFeed() {
        Http http = new Http(server.getURI());
        assertThat(http.get("/feed.xml", "Accept", "text/html,*/*").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        assertThat(http.get("/feed.xml").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/rss+xml"));
        assertThat(http.get("/feed.xml", "Accept", "text/html,*/*").headers().firstValue("Vary"))
                .hasValue("Accept, Accept-Encoding");
    }

    @Test
    void staticFilesHeadRequestsAndOtherMethodsAreNeitherStoredNorAnswered() {
        Http http = new Http(server.getURI());
        double fills = Prometheus.sum(http, "essayist_page_cache_fills_total");
        assertThat(http.get("/static/css/site.css").statusCode()).isEqualTo(200);
        assertThat(http.get("/static/css/site.css").statusCode()).isEqualTo(200);
        assertThat(http.send("HEAD", "/posts/gamma").statusCode()).isEqualTo(200);
        assertThat(Prometheus.sum(http, "essayist_page_cache_fills_total")).isEqualTo(fills);

        http.get("/posts/gamma");
        assertThat(Prometheus.sum(http, "essayist_page_cache_fills_total")).isEqualTo(fills + 1);
        sql("UPDATE post SET title = 'Gamma, edited' WHERE slug = 'gamma'");
        // A HEAD is Micronaut's to answer (from a fresh render), never the cached GET's.
        assertThat(http.send("HEAD", "/posts/gamma").headers().firstValue("ETag"))
                .isNotEqualTo(http.get("/posts/gamma").headers().firstValue("ETag"));
        sql("UPDATE post SET title = 'Gamma: the oldest' WHERE slug = 'gamma'");
    }

    @Test
    void aPageRenderedJustAfterAStylesheetEditDropsThePagesCachedBeforeIt() throws IOException {
        Http http = new Http(server.getURI());
        String css = http.html("/").selectFirst("link[rel=stylesheet]").attr("href");

        Files.writeString(site.statics().resolve("css/site.css"), "body { color: teal; background: white; }\n");
        // Rendered within the quarter second in which StaticFiles does not stat the file again: its
        // new fingerprint must still reach the pages cached with the old one.
        String fresh = http.html("/archive?after-edit=" + System.nanoTime()).selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(fresh).isNotEqualTo(css);
        assertThat(http.html("/").selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo(fresh);
    }
}
