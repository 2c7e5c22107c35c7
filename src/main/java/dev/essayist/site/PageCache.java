package dev.essayist.site;

import dev.essayist.content.ContentChanged;
import dev.essayist.post.PostRepository;
import io.micronaut.cache.SyncCache;
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
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import java.time.Clock;
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
 * <p>When it is dropped (DESIGN.md invariant 5 and 6): on every {@link ContentChanged}; at the
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
     * One stored response.
     *
     * @param rendered     body and validators
     * @param cacheControl the {@code Cache-Control} it was sent with
     * @param vary         the {@code Vary} it was sent with
     */
    record Entry(Rendered rendered, String cacheControl, String vary) {
    }

    private final SyncCache<?> cache;
    private final StaticFiles statics;
    private final PostRepository posts;
    private final Clock clock;
    private final boolean preview;
    private final AtomicLong generation = new AtomicLong();
    /** When the cache must next be dropped because an essay comes due; {@code null}: not known yet. */
    private volatile Instant validUntil;

    PageCache(@Named("pages") SyncCache<?> cache, StaticFiles statics, PostRepository posts, Clock clock,
              @Value("${essayist.preview:false}") boolean preview) {
        this.cache = cache;
        this.statics = statics;
        this.posts = posts;
        this.clock = clock;
        this.preview = preview;
    }

    @Override
    public int getOrder() {
        // After TrailingSlashFilter, which has the default order 0: "/posts/x/" is never a cache key.
        return 10;
    }

    /** Answers a GET from the cache when it can; otherwise notes the key for {@link #store}. */
    @RequestFilter
    @Nullable
    HttpResponse<?> answer(HttpRequest<?> request) {
        if (preview || request.getMethod() != HttpMethod.GET || request.getPath().startsWith("/static/")
                // Only requests the router understood: a malformed target (/posts/%zz, //host/)
                // must reach its 400 or redirect, never another page's entry.
                || RouteAttributes.getRouteMatch(request).isEmpty()) {
            return null;
        }
        long current = currentGeneration();
        String key = key(request);
        Entry entry = cache.get(key, Entry.class).orElse(null);
        if (entry != null) {
            MutableHttpResponse<?> response = HttpCaching.send(request, entry.rendered(), HttpStatus.OK,
                    entry.cacheControl());
            response.getHeaders().set(HttpHeaders.VARY, entry.vary());
            return response;
        }
        request.setAttribute(KEY, key);
        request.setAttribute(GENERATION, current);
        return null;
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
            cache.put(key, new Entry(rendered, response.getHeaders().get(HttpHeaders.CACHE_CONTROL),
                    response.getHeaders().get(HttpHeaders.VARY)));
        }
    }

    /** Drops every cached response: the index changed. */
    @EventListener
    void onContentChanged(ContentChanged event) {
        invalidate();
    }

    /**
     * @return the current generation, after dropping the cache if a scheduled essay has come due or
     * a fingerprinted static file (the stylesheet) changed
     */
    private long currentGeneration() {
        if (!statics.fingerprintsCurrent()) {
            invalidate();
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

    private synchronized void invalidate() {
        generation.incrementAndGet();
        cache.invalidateAll();
        validUntil = null;
    }

    private static String key(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        boolean html = accept != null && accept.contains("text/html");
        // The request target as sent (path and query), so two spellings never share an entry.
        return (html ? "h " : "- ") + request.getUri();
    }
}
