package dev.essayist.site;

import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open connections that have no request under way: waiting for a request head, or kept alive
 * after their last response. {@link RequestHeaderTimeout} keeps the set, as it starts and stops each
 * connection's clock; {@link ConnectionLimit} closes one of them to make room when a new connection
 * arrives at the cap. Closing one loses no work: nothing was asked on it, or everything asked was
 * answered (a server may close an idle connection at any time, RFC 9112 §9.5). Safe on any thread.
 */
@Singleton
final class IdleConnections {

    private final Set<Channel> idle = ConcurrentHashMap.newKeySet();
    private final LongAdder closed = new LongAdder();

    /** @param connection an open connection with no request under way */
    void add(Channel connection) {
        idle.add(connection);
    }

    /** @param connection a connection that has a request under way, or has closed */
    void remove(Channel connection) {
        idle.remove(connection);
    }

    /** @return how many connections are idle now */
    int size() {
        return idle.size();
    }

    /** @return idle connections closed by {@link #closeOne()} since the start */
    long closed() {
        return closed.sum();
    }

    /**
     * Closes one idle connection, any one: under a flood of half-sent requests nearly all are the
     * flood's.
     *
     * @return whether one was found; its close is under way
     */
    boolean closeOne() {
        for (Channel connection : idle) {
            // Only the caller that removes it closes it: one call, one slot freed.
            if (idle.remove(connection)) {
                closed.increment();
                connection.close();
                return true;
            }
        }
        return false;
    }
}
