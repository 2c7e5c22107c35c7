package dev.essayist.cache;

import dev.essayist.site.HttpCaching;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;

/**
 * The {@link PageCache} inside Micronaut: answers a routed GET from the cache (200, or 304 against
 * the stored validators), and stores the response to a miss. It answers what
 * {@link CachedPageHandler} leaves to Micronaut (HTTP/2, an {@code h2c} upgrade, a request
 * pipelined behind a render) and is the only path that stores.
 *
 * <p>Only GETs the router matched are looked up: a malformed target ({@code /posts/%zz},
 * {@code //host/}) must reach its 400 or redirect, never another page's entry. What is stored is
 * decided by {@link CachedPages} from the response alone.
 *
 * @param cache   the cache
 * @param pages   makes the page to store from a response
 * @param metrics counts hits and pages stored
 */
@WhenCaching
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
record PageCacheFilter(PageCache cache, CachedPages pages, HitMetrics metrics) implements Ordered {

    /** The request attribute holding the {@link PageCache.Ticket} of a miss, from this filter's request half to its response half. */
    private static final String TICKET = "essayist.page-cache.ticket";

    @Override
    public int getOrder() {
        // Last before routing: after TrailingSlashFilter ("/posts/x/" is never a cache key), the
        // request id, and Micronaut's metrics filter, so a hit is logged like any request.
        return ServerFilterPhase.RENDERING.before();
    }

    /** Answers a GET from the cache when it can; otherwise takes a ticket for {@link #store}. */
    @RequestFilter
    @Nullable
    HttpResponse<?> answer(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET || !PageCache.cacheable(request.getPath())
                || RouteAttributes.getRouteMatch(request).isEmpty()) {
            return null;
        }
        String key = PageCache.key(request.getHeaders().get(HttpHeaders.ACCEPT), request.getUri().toString());
        CachedPage page = cache.lookup(key);
        if (page != null) {
            long start = System.nanoTime();
            MutableHttpResponse<?> response = HttpCaching.send(request, page.rendered(), HttpStatus.OK,
                    page.cacheControl());
            response.getHeaders().set(HttpHeaders.VARY, page.vary());
            // Micronaut adds Date to routed responses only, not to one a request filter answers.
            response.getHeaders().set(HttpHeaders.DATE, HttpDates.now());
            metrics.hit(page, response.code(), start);
            return response;
        }
        PageCache.Ticket ticket = cache.ticket(key);
        if (ticket != null) {
            request.setAttribute(TICKET, ticket);
        }
        return null;
    }

    /** Stores the response to a miss that took a ticket, if it is one the cache keeps. */
    @ResponseFilter
    void store(HttpRequest<?> request, MutableHttpResponse<?> response) {
        PageCache.Ticket ticket = request.getAttribute(TICKET, PageCache.Ticket.class).orElse(null);
        if (ticket == null) {
            return;
        }
        CachedPage page = pages.of(request, response);
        if (page != null && cache.store(ticket, page)) {
            metrics.fill();
        }
    }
}
