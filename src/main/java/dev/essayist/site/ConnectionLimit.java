package dev.essayist.site;

import com.sun.management.UnixOperatingSystemMXBean;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cap on the connections open at once, over every listener ({@code essayist.http.max-connections}).
 * At the cap the server stops accepting: new connections wait in the kernel's listen backlog, holding
 * no descriptor of this process, and are accepted in order as open ones close (as Jetty's
 * {@code ConnectionLimit} and HAProxy's {@code maxconn} do). Without it, 21,000 half-sent requests
 * used up 20,000 descriptors, and then no reader, static file or index file could be opened.
 *
 * <p>A {@link #guard(Channel) gate} in each listening channel's pipeline counts a connection when it
 * is accepted and again when it closes. The listener takes several connections from the kernel per
 * read; the few taken past the cap wait here, accepted but untouched, until a slot frees.
 */
@Singleton
final class ConnectionLimit {

    /** The pipeline name of the gate, in the listening channel's pipeline. */
    static final String NAME = "essayist-connection-limit";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int limit;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder waited = new LongAdder();
    private final Set<Gate> gates = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    @Inject
    ConnectionLimit(HttpEdgeConfig config) {
        this(config.maxConnections(), openFileLimit());
    }

    /**
     * @param maxConnections the configured cap
     * @param openFiles      the process's open-file limit ({@code ulimit -n})
     */
    ConnectionLimit(int maxConnections, long openFiles) {
        this.limit = (int) Math.max(1, Math.min(maxConnections, openFiles / 2));
        if (limit < maxConnections) {
            LOG.warn("At most {} connections at once, not {} (essayist.http.max-connections): half the open-file limit "
                    + "of {} (ulimit -n), so files and the index keep descriptors", limit, maxConnections, openFiles);
        }
    }

    private static long openFileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }

    /** @return the cap in force */
    int limit() {
        return limit;
    }

    /** @return connections open now */
    int open() {
        return open.get();
    }

    /** @return connections that have had to wait for a free slot since the start */
    long waited() {
        return waited.sum();
    }

    /** @param listener a listening channel, not yet accepting; its accepted connections are counted and capped */
    void guard(Channel listener) {
        listener.pipeline().addFirst(NAME, new Gate());
    }

    private boolean take() {
        for (int n = open.get(); n < limit; n = open.get()) {
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private void release() {
        open.decrementAndGet();
        for (Gate gate : gates) {
            if (gate.paused) {
                gate.ctx.executor().execute(gate::drain);
            }
        }
    }

    private void warnAtLimit() {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("{} connections open, the limit (essayist.http.max-connections): new connections wait to be "
                    + "accepted; {} have waited so far", limit, waited.sum());
        }
    }

    /** Sees each connection a listener accepts, before Netty's acceptor registers it. */
    private final class Gate extends ChannelInboundHandlerAdapter {
        private final ArrayDeque<Channel> waiting = new ArrayDeque<>();
        /** Whether accepting is stopped; read by {@link #release()} on other threads. */
        private volatile boolean paused;
        private ChannelHandlerContext ctx;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
            gates.add(this);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            gates.remove(this);
            // Accepted, never registered: closed as Netty's acceptor closes a connection it cannot register.
            waiting.forEach(child -> child.unsafe().closeForcibly());
            waiting.clear();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof Channel child)) {
                ctx.fireChannelRead(msg);
            } else if (waiting.isEmpty() && take()) {
                admit(child);
            } else {
                waiting.add(child);
                waited.increment();
                pause();
            }
        }

        private void admit(Channel child) {
            child.closeFuture().addListener(closed -> release());
            ctx.fireChannelRead(child);
            if (open.get() >= limit) {
                pause();
            }
        }

        private void pause() {
            if (!paused) {
                paused = true;
                ctx.channel().config().setAutoRead(false);
                warnAtLimit();
            }
            // A connection may have closed between the count and the flag, unseen by release().
            if (open.get() < limit) {
                ctx.executor().execute(this::drain);
            }
        }

        /** Admits waiting connections while there is room, and accepts again once none waits. */
        void drain() {
            while (!waiting.isEmpty() && take()) {
                admit(waiting.poll());
            }
            if (paused && waiting.isEmpty() && open.get() < limit) {
                paused = false;
                ctx.channel().config().setAutoRead(true);
            }
        }
    }
}
