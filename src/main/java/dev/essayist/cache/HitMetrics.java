package dev.essayist.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The cache's meters. A hit skips Micronaut's request metrics filter, so it is counted here in the
 * same {@code http.server.requests} timer, tagged as Micronaut tags its own ({@code method},
 * {@code uri}, {@code status}, {@code exception}): a dashboard counts every request whichever path
 * answered it. A stored page counts in {@code essayist.page.cache.fills}. Nothing is counted when
 * metrics are off.
 */
@WhenCaching
@Singleton
class HitMetrics {

    private final BeanProvider<MeterRegistry> meters;
    /** Per route: the hit timers for 200 and 304. */
    private final Map<String, Timer[]> hitTimers = new ConcurrentHashMap<>();
    @Nullable
    private volatile MeterRegistry registry;
    private volatile boolean registryResolved;

    HitMetrics(BeanProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    /**
     * @param page   the page that answered
     * @param status 200 or 304
     * @param start  {@link System#nanoTime()} when the request arrived
     */
    void hit(CachedPage page, int status, long start) {
        MeterRegistry registry = registry();
        if (registry == null) {
            return;
        }
        // Keyed by the route string itself, so a hit allocates nothing here.
        Timer[] timers = hitTimers.computeIfAbsent(page.route(), route -> new Timer[] {
            hitTimer(registry, route, "200"), hitTimer(registry, route, "304")});
        timers[status == 304 ? 1 : 0].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /** Counts a page stored. */
    void fill() {
        MeterRegistry registry = registry();
        if (registry != null) {
            registry.counter("essayist.page.cache.fills").increment();
        }
    }

    private static Timer hitTimer(MeterRegistry registry, String route, String status) {
        return Timer.builder("http.server.requests").tag("method", "GET").tag("uri", route).tag("status", status)
                .tag("exception", "none").register(registry);
    }

    /** @return the meter registry, looked up once; {@code null} without metrics */
    @Nullable
    private MeterRegistry registry() {
        if (!registryResolved) {
            registry = meters.isPresent() ? meters.get() : null;
            registryResolved = true;
        }
        return registry;
    }
}
