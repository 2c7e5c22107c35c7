package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentChanged;
import dev.essayist.content.ContentChanging;
import dev.essayist.content.ContentIndexer;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The response cache: it serves what it rendered until the index changes or a scheduled essay
 * comes due. The index is edited with SQL behind the cache's back, so a stale answer shows that
 * the cache answered and a fresh one shows that it was dropped.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheTest extends SiteFixture {

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-01T00:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final MovableClock clock = new MovableClock();

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> tx;

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

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void freshCache() {
        clock.now.set(Instant.parse("2025-06-01T00:00:00Z"));
        sql("UPDATE post SET title = 'Beta' WHERE slug = 'beta'");
        sql("UPDATE post SET slug = 'gamma' WHERE slug = 'renamed'");
        events.publishEvent(ContentChanged.of(Set.of()));
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
    void scheduledEssayAppearsWhenItsTimeComesDespiteTheCache() {
        Http http = new Http(server.getURI());
        assertThat(http.html("/").select("article h2 a").eachText()).doesNotContain("From the future");
        assertThat(http.get("/posts/future").statusCode()).isEqualTo(404);

        clock.now.set(Instant.parse("2999-01-01T06:00:01Z"));
        assertThat(http.html("/").select("article h2 a").eachText()).contains("From the future");
        assertThat(http.get("/posts/future").statusCode()).isEqualTo(200);
    }

    @Test
    void errorPagesAreNotCached() {
        Http http = new Http(server.getURI());
        assertThat(http.get("/posts/renamed").statusCode()).isEqualTo(404);

        sql("UPDATE post SET slug = 'renamed' WHERE slug = 'gamma'");
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

    private void sql(String statement) {
        tx.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(statement)) {
                return update.executeUpdate();
            }
        });
    }
}
