package dev.essayist.site;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/**
 * The HTTP edge for Prometheus ({@code /prometheus}): {@code essayist_http_connections} (open now),
 * {@code essayist_http_connections_idle} (with no request under way), {@code essayist_http_connections_limit}
 * (the cap in force), {@code essayist_http_connections_waited_total} (connections that arrived at the
 * cap), {@code essayist_http_connections_evicted_total} (idle connections closed to make room for
 * them) and {@code essayist_http_request_header_timeouts_total} (connections closed for want of a
 * complete request head). Requests refused for their framing are {@code 400}s in
 * {@code http_server_requests_seconds_count}.
 */
@Singleton
class HttpEdgeMetrics implements MeterBinder {

    // Providers, resolved at scrape time: meter binders are applied while beans are still being created.
    private final BeanProvider<ConnectionLimit> limit;
    private final BeanProvider<IdleConnections> idle;
    private final BeanProvider<HttpEdge> edge;

    HttpEdgeMetrics(BeanProvider<ConnectionLimit> limit, BeanProvider<IdleConnections> idle, BeanProvider<HttpEdge> edge) {
        this.limit = limit;
        this.idle = idle;
        this.edge = edge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("essayist.http.connections", limit, l -> l.get().open())
                .description("HTTP connections open").register(registry);
        Gauge.builder("essayist.http.connections.idle", idle, i -> i.get().size())
                .description("HTTP connections with no request under way").register(registry);
        Gauge.builder("essayist.http.connections.limit", limit, l -> l.get().limit())
                .description("The cap on open HTTP connections (essayist.http.max-connections)").register(registry);
        FunctionCounter.builder("essayist.http.connections.waited", limit, l -> l.get().waited())
                .description("Connections that arrived at the cap").register(registry);
        FunctionCounter.builder("essayist.http.connections.evicted", idle, i -> i.get().closed())
                .description("Idle connections closed to make room for new ones at the cap").register(registry);
        FunctionCounter.builder("essayist.http.request.header.timeouts", edge, e -> e.get().headerTimeouts())
                .description("Connections closed for want of a complete request head in time").register(registry);
    }
}
