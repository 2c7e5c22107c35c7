package dev.essayist.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.events.ContentChanged;
import dev.essayist.events.ContentChanging;
import dev.essayist.site.MovableClock;
import dev.essayist.site.Rendered;
import dev.essayist.site.StaticFiles;
import io.micronaut.cache.SyncCache;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The drop policy of {@link MicronautPageCache}, on a new instance over the application's
 * {@code pages} cache (nothing here sends a request, so the application's own instance stores
 * nothing in it), told of content events directly.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautPageCacheTest extends CacheSiteFixture {

    private static final String KEY = PageCache.key(null, "/posts/beta");

    @Inject
    @Named("pages")
    SyncCache<?> pages;

    @Inject
    StaticFiles statics;

    @Inject
    MovableClock clock;

    private MicronautPageCache cache;

    @BeforeEach
    void newCache() {
        pages.invalidateAll();
        cache = new MicronautPageCache(pages, statics, clock);
    }

    @Test
    void neitherAnswersNorStoresBeforeTheFirstContentChanged() {
        // Another instance's page is in the store; this one does not know the schedule yet.
        pages.put(KEY, page("old"));
        assertThat(cache.lookup(KEY)).isNull();
        assertThat(cache.ticket(KEY)).isNull();

        cache.onContentChanged(ContentChanged.of(Set.of()));
        assertThat(cache.lookup(KEY)).as("the first ContentChanged drops what was there").isNull();
        assertThat(cache.store(cache.ticket(KEY), page("new"))).isTrue();
        assertThat(cache.lookup(KEY).rendered().body()).asString().isEqualTo("new");
    }

    @Test
    void standsAsideFromContentChangingUntilContentChanged() {
        cache.onContentChanged(ContentChanged.of(Set.of()));
        PageCache.Ticket before = cache.ticket(KEY);
        cache.store(cache.ticket(KEY), page("old"));

        cache.onContentChanging(new ContentChanging());
        assertThat(cache.lookup(KEY)).isNull();
        assertThat(cache.ticket(KEY)).isNull();
        assertThat(cache.store(before, page("raced"))).isFalse();

        // Closing a ContentChanging drops, even when the write failed and so names no file.
        cache.onContentChanged(ContentChanged.of(Set.of()));
        assertThat(cache.lookup(KEY)).isNull();
        assertThat(cache.store(cache.ticket(KEY), page("new"))).isTrue();
    }

    @Test
    void aContentChangedDropsWhenItWroteAndKeepsThePagesWhenItDidNot() {
        cache.onContentChanged(ContentChanged.of(Set.of()));
        cache.store(cache.ticket(KEY), page("kept"));
        cache.onContentChanged(ContentChanged.of(Set.of()));
        assertThat(cache.lookup(KEY)).isNotNull();

        cache.onContentChanged(ContentChanged.of(Set.of("2025-02-20-beta.md")));
        assertThat(cache.lookup(KEY)).isNull();
    }

    @Test
    void aTicketTakenBeforeADropStoresNothing() {
        cache.onContentChanged(ContentChanged.of(Set.of()));
        PageCache.Ticket ticket = cache.ticket(KEY);
        cache.invalidate();
        assertThat(cache.store(ticket, page("raced"))).isFalse();
        assertThat(cache.lookup(KEY)).isNull();
    }

    @Test
    void dropsAtEachDueInstantOnLookup() {
        Instant due = clock.instant().plus(Duration.ofMinutes(10));
        cache.onContentChanged(new ContentChanged(Set.of("a.md"), List.of(due, due.plus(Duration.ofMinutes(10)))));
        cache.store(cache.ticket(KEY), page("before"));
        PageCache.Ticket early = cache.ticket(KEY);

        clock.advance(Duration.ofMinutes(10).minusNanos(1));
        assertThat(cache.lookup(KEY)).isNotNull();
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.lookup(KEY)).isNull();
        assertThat(cache.store(early, page("rendered before the instant"))).isFalse();

        cache.store(cache.ticket(KEY), page("after"));
        clock.advance(Duration.ofMinutes(9));
        assertThat(cache.lookup(KEY)).isNotNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.lookup(KEY)).isNull();
    }

    private static CachedPage page(String text) {
        Rendered rendered = Rendered.of(text, Rendered.HTML, Instant.parse("2025-01-01T00:00:00Z"));
        return new CachedPage(rendered, "public, max-age=300", "Accept-Encoding", "Wed, 01 Jan 2025 00:00:00 GMT",
                ByteBuffer.wrap(rendered.body()), null, "/posts/{slug}");
    }
}
