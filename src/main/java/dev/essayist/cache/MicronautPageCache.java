package dev.essayist.cache;

import com.github.benmanes.caffeine.cache.Cache;
import dev.essayist.events.ContentChanged;
import dev.essayist.events.ContentChanging;
import dev.essayist.site.StaticFiles;
import io.micronaut.cache.SyncCache;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link PageCache} on Micronaut Cache (Caffeine, {@code micronaut.caches.pages}, weighed by
 * {@link PageCacheWeigher}), dropped only by what it is told or can see for itself (design.md
 * invariants 5 and 6):
 *
 * <ul>
 *   <li>{@link ContentChanging}: drops everything, then neither answers nor stores until the
 *       following {@link ContentChanged}. While a reindex writes, readers may see new rows, and an
 *       old page beside them would show a renamed essay at both addresses.</li>
 *   <li>{@link ContentChanged}: drops everything when the reindex wrote or when it closes a
 *       {@link ContentChanging}, and takes its {@link ContentChanged#due() schedule}. Until the
 *       first one arrives the cache stands aside too: it does not know the schedule yet.</li>
 *   <li>Each instant of that schedule (a scheduled essay comes due): everything is dropped by the
 *       first lookup or ticket at or after it. The clock is read on every lookup; no timer runs.</li>
 *   <li>A fingerprinted static file changed ({@link StaticFiles#fingerprintsCurrent()}): pages
 *       carry the old stylesheet URL, so everything is dropped.</li>
 * </ul>
 *
 * <p>Every drop advances a generation counter; {@link #store} keeps a page only when its ticket's
 * generation is still current, and removes it again if a drop slipped in during the put.
 */
@WhenCaching
@Singleton
class MicronautPageCache implements PageCache {

    private final SyncCache<?> cache;
    /** Caffeine itself, for lookups: Micronaut's {@code get} runs its conversion service on every hit. */
    private final Cache<Object, Object> entries;
    private final StaticFiles statics;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    /** Between {@link ContentChanging} and {@link ContentChanged}, and until the first {@link ContentChanged}. */
    private volatile boolean standingAside = true;
    /** The next instant of {@link #schedule} not yet dropped at; {@link Instant#MAX} when none. */
    private volatile Instant nextDue = Instant.MAX;
    /** The last {@link ContentChanged#due()}; guarded by {@code this}. */
    private List<Instant> schedule = List.of();

    @SuppressWarnings("unchecked")
    MicronautPageCache(@Named("pages") SyncCache<?> cache, StaticFiles statics, Clock clock) {
        this.cache = cache;
        this.entries = (Cache<Object, Object>) cache.getNativeCache();
        this.statics = statics;
        this.clock = clock;
    }

    @Override
    @Nullable
    public CachedPage lookup(String key) {
        if (standingAside) {
            return null;
        }
        dropIfStale();
        return (CachedPage) entries.getIfPresent(key);
    }

    @Override
    @Nullable
    public Ticket ticket(String key) {
        // Read before the flag: a ContentChanging that sets the flag after this check advances the
        // generation after this read, so the ticket stores nothing.
        dropIfStale();
        long current = generation.get();
        return standingAside ? null : new Ticket(key, current);
    }

    @Override
    public boolean store(Ticket ticket, CachedPage page) {
        if (ticket.generation() != generation.get()) {
            return false;
        }
        cache.put(ticket.key(), page);
        // A drop between the check above and the put would otherwise leave this page behind.
        if (ticket.generation() != generation.get()) {
            cache.invalidate(ticket.key());
            return false;
        }
        return true;
    }

    @Override
    public void invalidate() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** A reindex is about to write: drop everything and stand aside until its {@link ContentChanged}. */
    @EventListener
    void onContentChanging(ContentChanging event) {
        standingAside = true;
        invalidate();
    }

    /**
     * A reindex ended: drop everything if it wrote or closes a {@link ContentChanging}, take its
     * schedule, and answer again.
     */
    @EventListener
    synchronized void onContentChanged(ContentChanged event) {
        if (event.wrote() || standingAside) {
            invalidate();
        } else {
            // The old schedule's next instant may have passed with no lookup to drop at it; the new
            // schedule starts after the reindex began, so it may not list that instant any more.
            dropIfDue();
        }
        schedule = event.due();
        // An instant already past is dropped at by the next lookup: pages stored before it are stale.
        nextDue = schedule.isEmpty() ? Instant.MAX : schedule.get(0);
        standingAside = false;
    }

    /** Drops everything if a scheduled essay has come due or the stylesheet changed. */
    private void dropIfStale() {
        if (!statics.fingerprintsCurrent()) {
            invalidate();
        }
        if (!clock.instant().isBefore(nextDue)) {
            dropIfDue();
        }
    }

    /** Drops everything if the next instant of the schedule has passed, and moves on to the one after now. */
    private synchronized void dropIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextDue)) {
            return;
        }
        invalidate();
        nextDue = schedule.stream().filter(now::isBefore).findFirst().orElse(Instant.MAX);
    }
}
