package dev.essayist.cache;

import dev.essayist.site.PipelineHooks;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Puts a {@link CachedPageHandler} into every HTTP/1 connection's Netty pipeline, just before
 * Micronaut's request handler ({@code micronaut-inbound-handler}) and after the access logger, so
 * cache hits are logged like every other request. Uses Micronaut's
 * {@link NettyServerCustomizer.Registry}, the documented way to add handlers to the server
 * pipeline.
 */
@WhenCaching
@Singleton
class CachedPagePipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** The pipeline name of the handler. */
    static final String NAME = "essayist-cached-pages";

    private final BeanProvider<PageCache> cache;
    private final BeanProvider<RenderCoalescing> renders;
    private final BeanProvider<HitMetrics> metrics;

    CachedPagePipeline(BeanProvider<PageCache> cache, BeanProvider<RenderCoalescing> renders,
                       BeanProvider<HitMetrics> metrics) {
        this.cache = cache;
        this.renders = renders;
        this.metrics = metrics;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        PipelineHooks.register(event.getBean(), listener -> { }, connection -> new NettyServerCustomizer() {
            // Adds the handler once the connection's HTTP/1 pipeline is built.
            @Override
            public void onStreamPipelineBuilt() {
                ChannelPipeline pipeline = connection.pipeline();
                if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                        && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                        && pipeline.get(NAME) == null) {
                    pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, NAME,
                            new CachedPageHandler(cache.get(), renders.get(), metrics.get()));
                }
            }
        });
        return event.getBean();
    }
}
