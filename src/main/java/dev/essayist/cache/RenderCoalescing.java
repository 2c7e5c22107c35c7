package dev.essayist.cache;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * One render per page, across all connections: when many requests miss the same page at once
 * (right after a publish dropped the cache, say), the first goes on to Micronaut and the others
 * wait, without holding a thread, until its response has been written, then look the page up again.
 * Without this, 50 readers arriving together rendered a 600-essay tag page 50 times over, and the
 * garbage grew the heap by hundreds of MB. A wait lasts {@link #WAIT_SECONDS} at most, so a render
 * that never finishes does not make later readers wait too.
 */
@WhenCaching
@Singleton
class RenderCoalescing {

    /** How long a miss waits at most for a render of the same page by another request. */
    static final long WAIT_SECONDS = 10;

    /** The renders under way, by cache key: each future completes once its response is written. */
    private final ConcurrentMap<String, CompletableFuture<Void>> underWay = new ConcurrentHashMap<>();

    /** A render the caller carries out; {@link #finish} it once its response is written (or never will be). */
    final class Render {
        private final String key;
        private final CompletableFuture<Void> written = new CompletableFuture<>();

        private Render(String key) {
            this.key = key;
        }

        /** Wakes the requests waiting for this render. */
        void finish() {
            underWay.remove(key, written);
            written.complete(null);
        }
    }

    /**
     * @param key  the cache key of a request that missed
     * @param wake run once, on any thread, when the render under way has been written or the wait
     *             timed out; only when this returns {@code null}
     * @return a render of the page for the caller to carry out, or {@code null}: another request is
     *         rendering it, and {@code wake} will be run
     */
    @Nullable
    Render startOrWait(String key, Runnable wake) {
        Render mine = new Render(key);
        CompletableFuture<Void> other = underWay.putIfAbsent(key, mine.written);
        if (other == null) {
            return mine;
        }
        // Each waiter its own timeout, on a copy: the render's future is shared by every waiter.
        other.copy().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).whenComplete((done, failed) -> {
            if (failed != null) {
                underWay.remove(key, other);
            }
            wake.run();
        });
        return null;
    }
}
