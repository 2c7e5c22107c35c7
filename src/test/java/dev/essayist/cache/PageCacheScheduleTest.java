package dev.essayist.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite.Http;
import dev.essayist.events.ContentChanged;
import dev.essayist.content.ContentIndexer;
import dev.essayist.site.MovableClock;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cache drops every page at each instant of the schedule the last {@link ContentChanged}
 * carried (design.md invariant 5), read from the clock on lookup: only the test clock moves here.
 * The index is edited with SQL behind the cache's back, so a stale title shows a cached answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheScheduleTest extends CacheSiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    MovableClock clock;

    @Inject
    ApplicationEventPublisher<ContentChanged> events;

    @Inject
    ContentIndexer indexer;

    @BeforeEach
    void originalTitle() {
        title("Beta");
    }

    @Test
    void dropsEveryPageAtEachDueInstantAndNotBefore() {
        Instant now = clock.instant();
        events.publishEvent(new ContentChanged(Set.of("reset.md"),
                List.of(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))));
        Http http = new Http(server.getURI());
        assertThat(title(http)).isEqualTo("Beta");

        title("Beta, edited");
        clock.advance(Duration.ofMinutes(59));
        assertThat(title(http)).isEqualTo("Beta");
        clock.advance(Duration.ofMinutes(1));
        assertThat(title(http)).isEqualTo("Beta, edited");

        title("Beta, twice");
        assertThat(title(http)).isEqualTo("Beta, edited");
        clock.advance(Duration.ofHours(1));
        assertThat(title(http)).isEqualTo("Beta, twice");

        // The schedule is spent: nothing drops the pages any more.
        title("Beta, thrice");
        clock.advance(Duration.ofDays(400));
        assertThat(title(http)).isEqualTo("Beta, twice");
    }

    @Test
    void aDueInstantNobodyAskedAtStillDropsWhenAQuietReindexBringsTheNextSchedule() {
        events.publishEvent(new ContentChanged(Set.of("reset.md"), List.of(clock.instant().plus(Duration.ofHours(1)))));
        Http http = new Http(server.getURI());
        assertThat(title(http)).isEqualTo("Beta");
        title("Beta, edited");

        // No request at the due instant; a reindex after it wrote nothing, and its schedule starts
        // after it, so it no longer lists that instant.
        clock.advance(Duration.ofHours(2));
        events.publishEvent(ContentChanged.of(Set.of()));
        assertThat(title(http)).isEqualTo("Beta, edited");
    }

    @Test
    void scheduledEssayAppearsWhenItsTimeComesDespiteTheCache() {
        // The schedule as the indexer reads it from the index: the essay dated 2999-01-01 (Chicago).
        indexer.reindex();
        Http http = new Http(server.getURI());
        assertThat(http.html("/").select("article h2 a").eachText()).doesNotContain("From the future");
        assertThat(http.get("/posts/future").statusCode()).isEqualTo(404);

        clock.advance(Duration.between(clock.instant(), Instant.parse("2999-01-01T06:00:01Z")));
        assertThat(http.html("/").select("article h2 a").eachText()).contains("From the future");
        assertThat(http.get("/posts/future").statusCode()).isEqualTo(200);
    }

    private static String title(Http http) {
        return http.html("/posts/beta").select("h1").text();
    }

    private void title(String title) {
        sql("UPDATE post SET title = ? WHERE slug = 'beta'", title);
    }
}
