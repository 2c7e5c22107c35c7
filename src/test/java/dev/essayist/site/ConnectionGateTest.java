package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection cap at a listening channel, played on Netty's embedded channels: the listener is
 * handed accepted connections as its acceptor would be, several per read. Cap: two.
 */
class ConnectionGateTest {

    private final IdleConnections idle = new IdleConnections();
    private ConnectionLimit limit;
    private EmbeddedChannel listener;

    @BeforeEach
    void listen() {
        limit = new ConnectionLimit(2, Long.MAX_VALUE, idle);
        listener = new EmbeddedChannel();
        limit.guard(listener);
    }

    /** @return the connections accepted in one read, in order */
    private List<Channel> accept(int connections) {
        List<Channel> accepted = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Channel connection = new EmbeddedChannel();
            accepted.add(connection);
            listener.pipeline().fireChannelRead(connection);
        }
        return accepted;
    }

    /** @return the connections passed on to the acceptor since the last call */
    private List<Channel> admitted() {
        List<Channel> admitted = new ArrayList<>();
        for (Object next = listener.readInbound(); next != null; next = listener.readInbound()) {
            admitted.add((Channel) next);
        }
        return admitted;
    }

    @Test
    void aNewConnectionAtTheCapTakesThePlaceOfAnIdleOne() {
        List<Channel> open = accept(2);
        admitted();
        idle.add(open.get(1));
        Channel next = accept(1).get(0);
        assertThat(open.get(1).isOpen()).as("the idle connection").isFalse();
        assertThat(open.get(0).isOpen()).as("the busy connection").isTrue();
        // Descriptors stay bounded: nothing more is accepted until the new connection is in.
        assertThat(listener.config().isAutoRead()).as("accepting while one waits").isFalse();
        listener.runPendingTasks();
        assertThat(admitted()).containsExactly(next);
        assertThat(idle.closed()).isEqualTo(1);
        assertThat(limit.open()).isEqualTo(2);
        assertThat(listener.config().isAutoRead()).as("accepting at the cap with none idle").isFalse();
        // Once a connection is idle, a new one may replace it: accepting resumes.
        idle.add(next);
        listener.runPendingTasks();
        assertThat(listener.config().isAutoRead()).as("accepting at the cap with one idle").isTrue();
    }

    @Test
    void stopsAcceptingAtTheCapWhenNoConnectionIsIdleAndHoldsTheConnectionsAlreadyTaken() {
        List<Channel> batch = accept(4);
        assertThat(admitted()).containsExactly(batch.get(0), batch.get(1));
        assertThat(listener.config().isAutoRead()).as("accepting").isFalse();
        assertThat(limit.open()).isEqualTo(2);
        assertThat(limit.waited()).isEqualTo(2);
        assertThat(batch.get(0).isOpen() && batch.get(1).isOpen()).as("busy connections kept").isTrue();
    }

    @Test
    void admitsWaitingConnectionsInOrderAsOpenOnesCloseThenAcceptsAgain() {
        List<Channel> batch = accept(4);
        admitted();
        batch.get(0).close();
        listener.runPendingTasks();
        assertThat(admitted()).containsExactly(batch.get(2));
        assertThat(listener.config().isAutoRead()).as("accepting with one still waiting").isFalse();
        batch.get(1).close();
        listener.runPendingTasks();
        assertThat(admitted()).containsExactly(batch.get(3));
        assertThat(listener.config().isAutoRead()).as("accepting at the cap").isFalse();
        batch.get(2).close();
        listener.runPendingTasks();
        assertThat(listener.config().isAutoRead()).as("accepting below the cap").isTrue();
        assertThat(limit.open()).isEqualTo(1);
    }

    @Test
    void acceptsFreelyBelowTheCap() {
        Channel first = accept(1).get(0);
        assertThat(admitted()).containsExactly(first);
        assertThat(listener.config().isAutoRead()).isTrue();
        first.close();
        listener.runPendingTasks();
        assertThat(limit.open()).isZero();
    }

    @Test
    void closesConnectionsStillWaitingWhenTheListenerCloses() {
        List<Channel> batch = accept(3);
        listener.close();
        assertThat(batch.get(2).isOpen()).isFalse();
    }

    @Test
    void aConnectionWaitingForRoomTakesThePlaceOfOneThatBecomesIdleLater() {
        List<Channel> busy = accept(2);
        admitted();
        Channel next = accept(1).get(0);
        assertThat(admitted()).as("none idle yet").isEmpty();
        idle.add(busy.get(0));
        listener.runPendingTasks();
        assertThat(busy.get(0).isOpen()).isFalse();
        listener.runPendingTasks();
        assertThat(admitted()).containsExactly(next);
    }

    @Test
    void closesOneIdleConnectionForEachWaitingOne() {
        List<Channel> open = accept(2);
        admitted();
        open.forEach(idle::add);
        Channel next = accept(1).get(0);
        // More connections become idle while the new one waits: none of them is closed for it too.
        Channel another = new EmbeddedChannel();
        idle.add(another);
        listener.runPendingTasks();
        assertThat(admitted()).containsExactly(next);
        assertThat(idle.closed()).isEqualTo(1);
        assertThat(open.stream().filter(Channel::isOpen).count()).isEqualTo(1);
        assertThat(another.isOpen()).isTrue();
    }
}
