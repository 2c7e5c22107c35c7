package dev.essayist.site;

import com.sun.management.UnixOperatingSystemMXBean;
import io.netty.channel.Channel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cap on the connections open at once, over every listener ({@code essayist.http.max-connections}),
 * so that no flood of connections uses up the descriptors readers, static files and the index need.
 *
 * <p>At the cap, a new connection takes the place of an {@link IdleConnections idle} one, which is
 * closed to make room (as nginx reuses idle connections when it runs out): a flood of half-sent
 * requests cannot keep readers out, since each new connection displaces one of them. When every
 * connection has a request under way, new connections wait in the kernel's listen backlog, holding no
 * descriptor of this process, and are accepted in order as open ones close (as Jetty's
 * {@code ConnectionLimit} and HAProxy's {@code maxconn} do).
 *
 * <p>A {@link ConnectionGate} in each listening channel's pipeline takes a slot for each connection
 * it admits; the slot is freed when the connection closes. The process holds at most the cap plus
 * one read's worth of connections (Netty's {@code MAX_MESSAGES_PER_READ}, 16).
 */
@Singleton
final class ConnectionLimit {

    /** The pipeline name of the {@link ConnectionGate}, in the listening channel's pipeline. */
    static final String NAME = "essayist-connection-limit";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int limit;
    private final IdleConnections idle;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder waited = new LongAdder();
    private final Set<ConnectionGate> gates = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    @Inject
    ConnectionLimit(HttpEdgeConfig config, IdleConnections idle) {
        this(config.maxConnections(), openFileLimit(), idle);
    }

    /**
     * @param maxConnections the configured cap
     * @param openFiles      the process's open-file limit ({@code ulimit -n})
     * @param idle           the connections that may be closed to make room
     */
    ConnectionLimit(int maxConnections, long openFiles, IdleConnections idle) {
        this.limit = (int) Math.max(1, Math.min(maxConnections, openFiles / 2));
        this.idle = idle;
        idle.onIdle(() -> gates.forEach(ConnectionGate::idleAvailable));
        if (limit < maxConnections) {
            LOG.warn("At most {} connections at once, not {} (essayist.http.max-connections): half the open-file limit "
                    + "of {} (ulimit -n), so files and the index keep descriptors", limit, maxConnections, openFiles);
        }
    }

    private static long openFileLimit() {
        var system = ManagementFactory.getOperatingSystemMXBean();
        return system instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }

    /** @return the cap in force */
    int limit() {
        return limit;
    }

    /** @return connections open now */
    int open() {
        return open.get();
    }

    /** @return connections that arrived at the cap since the start (each replaced an idle one, or waited) */
    long waited() {
        return waited.sum();
    }

    /** @param listener a listening channel, not yet accepting; its accepted connections are counted and capped */
    void guard(Channel listener) {
        listener.pipeline().addFirst(NAME, new ConnectionGate(this, idle));
    }

    /** @param gate a gate to tell when a slot frees or a connection becomes idle */
    void register(ConnectionGate gate) {
        gates.add(gate);
    }

    /** @param gate a gate whose listener has closed */
    void unregister(ConnectionGate gate) {
        gates.remove(gate);
    }

    /** @return whether a slot was free; it is now taken */
    boolean take() {
        for (int n = open.get(); n < limit; n = open.get()) {
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Frees the slot of a connection that has closed. */
    void release() {
        open.decrementAndGet();
        gates.forEach(ConnectionGate::slotFreed);
    }

    /** Counts a connection that found no free slot, and says so in the log, once a minute at most. */
    void arrivedAtLimit() {
        waited.increment();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("{} connections open, the limit (essayist.http.max-connections): new ones replace idle ones or wait;"
                    + " {} idle closed, {} arrived at the limit so far", limit, idle.closed(), waited.sum());
        }
    }
}
