package dev.essayist.site;

import dev.essayist.content.ContentChanged;
import dev.essayist.content.ContentChanging;
import dev.essayist.post.PostRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.cache.SyncCache;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps finished responses in memory (Micronaut Cache on Caffeine, bounded by
 * {@code micronaut.caches.pages}), so a repeated GET neither reads the index nor renders a
 * template, and a conditional GET is answered 304 against the cached validators.
 *
 * <p>What is kept: every response sent through {@link HttpCaching#send} with status 200 (pages,
 * feeds, sitemap, robots.txt), as its {@link Rendered} bytes and validators with the
 * {@code Cache-Control} and {@code Vary} it was sent with. Error pages, redirects and
 * {@code /static/} files (already held by {@link StaticFiles}) are not kept. The key is the path,
 * the raw query, and whether {@code Accept} names {@code text/html}: the one request header a
 * response varies on (a browser gets {@code /feed.xml} as {@code application/xml}).
 *
 * <p>When it is dropped (DESIGN.md invariant 5 and 6): on every {@link ContentChanging}, after
 * which it neither answers nor stores until the matching {@link ContentChanged} (while a reindex
 * writes, every request reads the rows, so no reader sees an old page beside a new one); at the
 * next scheduled essay's {@code published_at}, so a scheduled essay appears on time; and when a
 * static file whose fingerprint pages carry changes ({@link StaticFiles#fingerprintsCurrent()}). A response
 * computed while the cache was being dropped is not stored (a generation counter), so an old page
 * can never outlive the change it raced with. With {@code essayist.preview=true} nothing is cached.
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
public class PageCache implements Ordered {

    /** The response attribute {@link HttpCaching#send} leaves for the cache: the {@link Rendered} sent. */
    static final String RENDERED = "essayist.rendered";
    private static final String KEY = "essayist.page-cache.key";
    private static final String GENERATION = "essayist.page-cache.generation";

    /**
     * One stored response, with everything a hit needs already computed.
     *
     * @param rendered     body and validators
     * @param cacheControl the {@code Cache-Control} it was sent with
     * @param vary         the {@code Vary} it was sent with
     * @param lastModified {@code rendered.lastModified()} as an HTTP-date
     * @param body         {@code rendered.body()} in a read-only direct buffer, which
     *                     {@link CachedPageHandler} hands to the socket without copying it (a
     *                     heap array would be copied into a new direct buffer on every request:
     *                     300 KB per feed request, gigabytes a second of garbage under load)
     * @param gzip         the body gzip-compressed, read-only and direct, or {@code null} when it is
     *                     not compressed (not text, or shorter than
     *                     {@code micronaut.server.netty.compression-threshold})
     * @param route        the route's URI template for the {@code http.server.requests} metric,
     *                     e.g. {@code /posts/{slug}}; {@code root} for {@code /}
     */
    record Entry(Rendered rendered, String cacheControl, String vary, String lastModified, ByteBuffer body,
                 @Nullable ByteBuffer gzip, String route) {

        /** @return bytes held: the body, its direct copy and its compressed copy */
        int weight() {
            return rendered.body().length + body.capacity() + (gzip == null ? 0 : gzip.capacity());
        }
    }

    private final SyncCache<?> cache;
    private final StaticFiles statics;
    private final PostRepository posts;
    private final Clock clock;
    private final boolean preview;
    private final int compressionThreshold;
    private final int compressionLevel;
    private final BeanProvider<MeterRegistry> meters;
    /** Per route: the hit timers for 200 and 304. */
    private final Map<String, Timer[]> hitTimers = new ConcurrentHashMap<>();
    @Nullable
    private volatile MeterRegistry registry;
    private volatile boolean registryResolved;
    private final ConcurrentMap<String, CompletableFuture<Void>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** Whether a reindex is writing: between {@link ContentChanging} and {@link ContentChanged}. */
    private volatile boolean changing;
    /** When the cache must next be dropped because an essay comes due; {@code null}: not known yet. */
    private volatile Instant validUntil;

    PageCache(@Named("pages") SyncCache<?> cache, StaticFiles statics, PostRepository posts, Clock clock,
              @Value("${essayist.preview:false}") boolean preview,
              @Value("${micronaut.server.netty.compression-threshold:1024}") int compressionThreshold,
              @Value("${micronaut.server.netty.compression-level:6}") int compressionLevel,
              BeanProvider<MeterRegistry> meters) {
        this.cache = cache;
        this.meters = meters;
        this.compressionThreshold = compressionThreshold;
        this.compressionLevel = compressionLevel;
        this.statics = statics;
        this.posts = posts;
        this.clock = clock;
        this.preview = preview;
    }

    @Override
    public int getOrder() {
        // Last before routing: after TrailingSlashFilter ("/posts/x/" is never a cache key), the
        // request id, and Micronaut's metrics filter, so a hit is logged and counted like any request.
        return ServerFilterPhase.RENDERING.before();
    }

    /** Answers a GET from the cache when it can; otherwise notes the key for {@link #store}. */
    @RequestFilter
    @Nullable
    HttpResponse<?> answer(HttpRequest<?> request) {
        if (preview || changing || request.getMethod() != HttpMethod.GET || !cacheable(request.getPath())
                // Only requests the router understood: a malformed target (/posts/%zz, //host/)
                // must reach its 400 or redirect, never another page's entry.
                || RouteAttributes.getRouteMatch(request).isEmpty()) {
            return null;
        }
        long current = currentGeneration();
        String key = key(request.getHeaders().get(HttpHeaders.ACCEPT), request.getUri().toString());
        Entry entry = cache.get(key, Entry.class).orElse(null);
        if (entry != null) {
            long start = System.nanoTime();
            MutableHttpResponse<?> response = HttpCaching.send(request, entry.rendered(), HttpStatus.OK,
                    entry.cacheControl());
            response.getHeaders().set(HttpHeaders.VARY, entry.vary());
            // Micronaut adds Date to routed responses only, not to one a request filter answers.
            response.getHeaders().set(HttpHeaders.DATE, CachedPageHandler.HttpDates.now());
            countHit(entry, response.code(), start);
            return response;
        }
        request.setAttribute(KEY, key);
        request.setAttribute(GENERATION, current);
        return null;
    }

    /**
     * @return the renders under way, by cache key, across all connections: the future completes
     *         once the render's response has been written (see {@link CachedPageHandler})
     */
    ConcurrentMap<String, CompletableFuture<Void>> rendering() {
        return rendering;
    }

    /**
     * @param target a request target or path, e.g. {@code /posts/x} or {@code /static/css/site.css?v=1}
     * @return whether a response to it may be cached: not a {@code /static/} file, which
     *         {@link StaticFiles} already holds
     */
    static boolean cacheable(String target) {
        return !target.startsWith("/static/");
    }

    /** @return whether responses are cached at all (not in preview mode) */
    boolean caching() {
        return !preview;
    }

    /**
     * Looks up a finished response for a GET, as {@link CachedPageHandler} does before Micronaut
     * sees the request.
     *
     * @param accept the request's {@code Accept}, or {@code null}
     * @param target the request target exactly as sent (path and query)
     * @return the entry stored for the same target and {@code Accept} class, or {@code null}: none,
     *         preview mode, a reindex writing, or the cache may have to be dropped first (an essay came due, the
     *         stylesheet changed), which {@link #answer} does
     */
    @Nullable
    Entry lookup(@Nullable String accept, String target) {
        if (preview || changing) {
            return null;
        }
        if (!statics.fingerprintsCurrent()) {
            dropPages(); // on the event loop: never behind the lock a scheduled-essay query holds
            return null;
        }
        Instant until = validUntil;
        // When the next scheduled essay is not known (just after a drop) or has come due, finding out
        // queries the index: that is left to Micronaut's path.
        if (until == null || !clock.instant().isBefore(until)) {
            return null;
        }
        return cache.get(key(accept, target), Entry.class).orElse(null);
    }

    /**
     * Counts a cache hit in the {@code http.server.requests} timer, tagged as Micronaut's own
     * request metrics are ({@code method}, {@code uri}, {@code status}, {@code exception}): an
     * answer from the cache skips Micronaut's metrics filter, and a dashboard should count every
     * request whichever path answered it.
     *
     * @param entry  the entry that answered
     * @param status 200 or 304
     * @param start  {@link System#nanoTime()} when the request arrived
     */
    void countHit(Entry entry, int status, long start) {
        MeterRegistry registry = registry();
        if (registry == null) {
            return;
        }
        // Keyed by the route string itself, so a hit allocates nothing here.
        Timer[] timers = hitTimers.computeIfAbsent(entry.route(), route -> new Timer[] {
            hitTimer(registry, route, "200"), hitTimer(registry, route, "304")});
        timers[status == 304 ? 1 : 0].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
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

    /** Keeps a 200 (or a 304 computed from a fresh render) sent through {@link HttpCaching#send}. */
    @ResponseFilter
    void store(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String key = request.getAttribute(KEY, String.class).orElse(null);
        Rendered rendered = response.getAttribute(RENDERED, Rendered.class).orElse(null);
        if (key == null || rendered == null) {
            return;
        }
        long started = request.getAttribute(GENERATION, Long.class).orElse(-1L);
        if (started == currentGeneration()) {
            MeterRegistry registry = registry();
            if (registry != null) {
                registry.counter("essayist.page.cache.fills").increment();
            }
            String route = BasicHttpAttributes.getUriTemplate(request).orElse(request.getPath());
            cache.put(key, new Entry(rendered, response.getHeaders().get(HttpHeaders.CACHE_CONTROL),
                    response.getHeaders().get(HttpHeaders.VARY), HttpCaching.httpDate(rendered.lastModified()),
                    direct(rendered.body()), direct(gzip(rendered)), "/".equals(route) ? "root" : route));
            // A drop between the check above and the put would otherwise leave this entry behind.
            if (started != generation.get()) {
                cache.invalidate(key);
            }
        }
    }

    /** Drops every cached response and stops answering and storing: a reindex is about to write. */
    @EventListener
    void onContentChanging(ContentChanging event) {
        changing = true;
        invalidate();
    }

    /**
     * Drops every cached response (the index changed), then caches again. A render that began
     * before the change is not stored: its generation is older.
     */
    @EventListener
    void onContentChanged(ContentChanged event) {
        invalidate();
        changing = false;
    }

    /**
     * @return the current generation, after dropping the cache if a scheduled essay has come due or
     * a fingerprinted static file (the stylesheet) changed
     */
    private long currentGeneration() {
        if (!statics.fingerprintsCurrent()) {
            dropPages();
        }
        Instant until = validUntil;
        if (until == null || !clock.instant().isBefore(until)) {
            synchronized (this) {
                until = validUntil;
                if (until == null || !clock.instant().isBefore(until)) {
                    if (until != null) {
                        invalidate();
                    }
                    validUntil = posts.findNextScheduled(clock.instant()).orElse(Instant.MAX);
                }
            }
        }
        return generation.get();
    }

    /** Drops every cached response and forgets when the next scheduled essay is due: the index changed. */
    private synchronized void invalidate() {
        dropPages();
        validUntil = null;
    }

    /**
     * Drops every cached response, without the lock: for a stylesheet change, which leaves the
     * schedule of essays as it was. A render under way is not stored (its generation is older).
     */
    private void dropPages() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /**
     * @return the body gzip-compressed when Micronaut would compress it (text, at least the
     *         compression threshold), else {@code null}
     */
    @Nullable
    private byte[] gzip(Rendered rendered) {
        byte[] body = rendered.body();
        if (body.length < compressionThreshold || !SecurityHeadersFilter.isText(MediaType.of(rendered.contentType()))) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(compressionLevel);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * @param bytes bytes, or {@code null}
     * @return them in a read-only direct buffer (freed by the JDK when the entry is dropped and
     *         collected), or {@code null}
     */
    @Nullable
    private static ByteBuffer direct(@Nullable byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    /**
     * @param accept the request's {@code Accept}, or {@code null}
     * @param target the request target as sent
     * @return the cache key: whether {@code Accept} names {@code text/html}, and the target
     */
    static String key(@Nullable String accept, String target) {
        boolean html = accept != null && accept.contains("text/html");
        // The request target as sent (path and query), so two spellings never share an entry.
        return (html ? "h " : "- ") + target;
    }
}
