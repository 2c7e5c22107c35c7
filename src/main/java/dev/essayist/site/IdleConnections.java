package dev.essayist.site;

import io.netty.channel.Channel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The open connections that have no request under way: waiting for a request head, or kept alive
 * after their last response. {@link RequestHeaderTimeout} keeps the set, as it starts and stops each
 * connection's clock; {@link ConnectionLimit} closes one of them to make room when a new connection
 * arrives at the cap. Closing one loses no work: nothing was asked on it, or everything asked was
 * answered (a server may close an idle connection at any time, RFC 9112 §9.5). Safe on any thread;
 * adding and removing are constant-time, for they happen on every request.
 */
@Singleton
final class IdleConnections {

    /** How many idle connections {@link #closeOne()} compares to find the longest idle. */
    static final int SAMPLE = 16;

    /** Each idle connection, with the {@link #nanoTime} it became idle at. */
    private final Map<Channel, Long> idle = new ConcurrentHashMap<>();
    private final LongAdder closed = new LongAdder();
    private final LongSupplier nanoTime;
    private volatile Runnable onIdle = () -> { };

    @Inject
    IdleConnections() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock of idle times, in nanoseconds ({@link System#nanoTime()}) */
    IdleConnections(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @param onIdle run, on the caller's thread, whenever a connection becomes idle */
    void onIdle(Runnable onIdle) {
        this.onIdle = onIdle;
    }

    /** @param connection an open connection with no request under way */
    void add(Channel connection) {
        if (idle.putIfAbsent(connection, nanoTime.getAsLong()) == null) {
            onIdle.run();
        }
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
     * Closes the longest idle of up to {@link #SAMPLE} idle connections. A connection just accepted is
     * idle until its request head has been read; being the newest, it is not the one closed.
     *
     * @return whether one was found; its close is under way
     */
    boolean closeOne() {
        // Another caller may take the one found first: look again, a bounded number of times.
        for (int attempt = 0; attempt < SAMPLE; attempt++) {
            Map.Entry<Channel, Long> oldest = null;
            int seen = 0;
            for (Map.Entry<Channel, Long> entry : idle.entrySet()) {
                if (oldest == null || entry.getValue() - oldest.getValue() < 0) {
                    oldest = entry;
                }
                if (++seen == SAMPLE) {
                    break;
                }
            }
            if (oldest == null) {
                return false;
            }
            // Only if still idle since then, and only by one caller: one call, one slot freed.
            if (idle.remove(oldest.getKey(), oldest.getValue())) {
                closed.increment();
                oldest.getKey().close();
                return true;
            }
        }
        return false;
    }
}
