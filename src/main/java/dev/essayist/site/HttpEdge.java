package dev.essayist.site;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ServerChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.LongAdder;

/**
 * The limits at the HTTP edge, so that no client can exhaust the server for others (design.md
 * invariant 9), put into Micronaut's Netty pipelines through its {@link NettyServerCustomizer.Registry}:
 * a {@link ConnectionGate} of the {@link ConnectionLimit} on each listening channel, and on each
 * HTTP/1.1 connection the codec with {@link RequestFraming}'s rules in place of Micronaut's own,
 * followed by a {@link RequestHeaderTimeout}. The idle timeout of a connection on which nothing moves,
 * the header size limits and header validation stay Micronaut's ({@code micronaut.server.idle-timeout},
 * {@code micronaut.server.max-header-size}, ...).
 */
@Singleton
class HttpEdge implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final ConnectionLimit limit;
    private final IdleConnections idle;
    private final NettyHttpServerConfiguration server;
    private final HttpEdgeConfig config;
    private final LongAdder headerTimeouts = new LongAdder();

    HttpEdge(ConnectionLimit limit, IdleConnections idle, NettyHttpServerConfiguration server, HttpEdgeConfig config) {
        this.limit = limit;
        this.idle = idle;
        this.server = server;
        this.config = config;
    }

    /** @return connections closed by {@link RequestHeaderTimeout} since the start */
    long headerTimeouts() {
        return headerTimeouts.sum();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        PipelineHooks.register(event.getBean(), listener -> {
            if (listener instanceof ServerChannel) {
                limit.guard(listener);
            }
        }, connection -> new NettyServerCustomizer() {
            // Changes the connection's pipeline once Micronaut has built it, before any input.
            @Override
            public void onInitialPipelineBuilt() {
                ChannelPipeline pipeline = connection.pipeline();
                // Present under this name only for plain HTTP/1.1 (not h2c, whose upgrade handler owns its codec).
                if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) instanceof HttpServerCodec) {
                    pipeline.replace(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                            ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, RequestFraming.codec(server));
                    pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, RequestHeaderTimeout.NAME,
                            new RequestHeaderTimeout(config.requestHeaderTimeout(), idle, headerTimeouts::increment));
                }
            }
        });
        return event.getBean();
    }
}
