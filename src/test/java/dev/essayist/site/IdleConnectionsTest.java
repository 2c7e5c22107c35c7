package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which idle connection makes room at the connection cap. */
class IdleConnectionsTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final IdleConnections idle = new IdleConnections(clock::get);

    private List<Channel> becomeIdleInTurn(int connections) {
        List<Channel> all = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Channel connection = new EmbeddedChannel();
            idle.add(connection);
            all.add(connection);
            clock.addAndGet(1_000_000);
        }
        return all;
    }

    @Test
    void closesTheLongestIdleConnectionNeverTheNewest() {
        List<Channel> all = becomeIdleInTurn(IdleConnections.SAMPLE);
        assertThat(idle.closeOne()).isTrue();
        assertThat(all.get(0).isOpen()).as("the longest idle").isFalse();
        assertThat(all.subList(1, all.size())).allMatch(Channel::isOpen);
        assertThat(idle.size()).isEqualTo(IdleConnections.SAMPLE - 1);
        assertThat(idle.closed()).isEqualTo(1);
    }

    @Test
    void aConnectionWithARequestUnderWayIsNotClosed() {
        List<Channel> all = becomeIdleInTurn(2);
        idle.remove(all.get(0));
        assertThat(idle.closeOne()).isTrue();
        assertThat(all.get(0).isOpen()).isTrue();
        assertThat(all.get(1).isOpen()).isFalse();
        assertThat(idle.closeOne()).as("none idle left").isFalse();
        assertThat(all.get(0).isOpen()).isTrue();
    }

    @Test
    void tellsWhenAConnectionBecomesIdle() {
        AtomicLong told = new AtomicLong();
        idle.onIdle(told::incrementAndGet);
        Channel connection = becomeIdleInTurn(1).get(0);
        idle.add(connection);
        assertThat(told).as("once per idle period").hasValue(1);
    }
}
