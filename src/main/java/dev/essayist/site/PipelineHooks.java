package dev.essayist.site;

import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Registers code that changes the server's Netty pipelines through Micronaut's
 * {@link NettyServerCustomizer.Registry} (the documented way to add handlers): Micronaut asks the
 * registered customizer to specialise itself for each listening channel and each new connection,
 * and then calls the connection's customizer as its pipeline is built.
 */
public final class PipelineHooks {

    private PipelineHooks() {
    }

    /**
     * @param registry     Micronaut's registry, from its {@code BeanCreatedEvent}
     * @param onListener   called with each listening channel as it is set up
     * @param onConnection makes the customizer of one new connection, whose hooks
     *                     ({@code onInitialPipelineBuilt}, {@code onStreamPipelineBuilt}) change its pipeline
     */
    public static void register(NettyServerCustomizer.Registry registry, Consumer<Channel> onListener,
                                Function<Channel, NettyServerCustomizer> onConnection) {
        registry.register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                if (role == ChannelRole.LISTENER) {
                    onListener.accept(channel);
                }
                return role == ChannelRole.CONNECTION ? onConnection.apply(channel) : this;
            }
        });
    }
}
