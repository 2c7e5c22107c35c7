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
 * Without it, 21,000 half-sent requests used up 20,000 descriptors, and then no reader, static file or
 * index file could be opened.
 *
 * <p>At the cap, a new connection takes the place of an {@link IdleConnections idle} one, which is
 * closed to make room (as nginx reuses idle connections when it runs out): a flood of half-sent
 * requests cannot keep readers out, since each new connection displaces one of them. When every
 * connection has a request under way, new connections wait in the kernel's listen backlog, holding no
 * descriptor of this process, and are accepted in order as open ones close (as Jetty's
 * {@code ConnectionLimit} and HAProxy's {@code maxconn} do).
 *
 * <p>A {@link #guard(Channel) gate} in each listening channel's pipeline counts a connection when it
 * is accepted and again when it closes. The listener takes several connections from the kernel per
 * read; those taken past the cap wait in the gate, accepted but untouched, until a slot frees, and
 * the listener takes no more until they are in. So the process holds at most the cap plus one read's
 * worth of connections (Netty's {@code MAX_MESSAGES_PER_READ}, 16).
 */
@Singleton
final class ConnectionLimit {

    /** The pipeline name of the gate, in the listening channel's pipeline. */
    static final String NAME = "essayist-connection-limit";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int limit;
    private final IdleConnections idle;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder waited = new LongAdder();
    private final Set<Gate> gates = ConcurrentHashMap.newKeySet();
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
        idle.onIdle(this::wakePaused);
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

    /** @return connections that arrived at the cap since the start (each replaced an idle one, or waited) */
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
            if (gate.paused || gate.wanting) {
                gate.ctx.executor().execute(gate::drain);
            }
        }
    }

    /** A connection has become idle: a listener stopped because every connection was busy may replace it. */
    private void wakePaused() {
        for (Gate gate : gates) {
            if (gate.paused && !gate.wanting) {
                gate.ctx.executor().execute(gate::drain);
            }
        }
    }

    private void warnAtLimit() {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("{} connections open, the limit (essayist.http.max-connections): new ones replace idle ones, or "
                    + "wait while none is idle; {} idle closed, {} arrived at the limit so far",
                    limit, idle.closed(), waited.sum());
        }
    }

    /** Sees each connection a listener accepts, before Netty's acceptor registers it. */
    private final class Gate extends ChannelInboundHandlerAdapter {
        private final ArrayDeque<Channel> waiting = new ArrayDeque<>();
        /** Whether accepting is stopped; read by {@link #release()} on other threads. */
        private volatile boolean paused;
        /** Whether connections wait here; read by {@link #release()} on other threads. */
        private volatile boolean wanting;
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
                wanting = true;
                waited.increment();
                warnAtLimit();
                idle.closeOne();
                // No more until this one is in: accepted connections beyond the cap stay within one read.
                paused = true;
                ctx.channel().config().setAutoRead(false);
                // A connection may have closed between the count and the flags just set, unseen by release().
                if (open.get() < limit) {
                    ctx.executor().execute(this::drain);
                }
            }
        }

        private void admit(Channel child) {
            child.closeFuture().addListener(closed -> release());
            ctx.fireChannelRead(child);
        }

        /**
         * Admits waiting connections while there is room, and accepts again once none waits and there is
         * room or an idle connection to replace.
         */
        void drain() {
            while (!waiting.isEmpty() && take()) {
                admit(waiting.poll());
            }
            wanting = !waiting.isEmpty();
            if (paused && !wanting && (open.get() < limit || idle.size() > 0)) {
                paused = false;
                ctx.channel().config().setAutoRead(true);
            }
        }
    }
}
