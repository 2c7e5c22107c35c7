package dev.essayist.site;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;

/**
 * The {@link ConnectionLimit} at one listening channel: sees each connection the listener accepts,
 * before Netty's acceptor registers it, and passes it on only with a slot taken.
 *
 * <p>At the cap a new connection waits here, accepted but untouched, while one {@link IdleConnections
 * idle} connection is closed for it; when none is idle it waits for any connection to close. While one
 * waits the listener accepts nothing more, so connections beyond the cap stay within one read of the
 * listener (Netty takes up to {@code MAX_MESSAGES_PER_READ}, 16, per read) and later ones wait in the
 * kernel's listen backlog, holding no descriptor of this process. Runs on the listener's event loop;
 * {@link #slotFreed()} and {@link #idleAvailable()} may be called on any thread.
 */
final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private final ConnectionLimit limit;
    private final IdleConnections idle;
    private final ArrayDeque<Channel> waiting = new ArrayDeque<>();
    /** Whether accepting is stopped, and whether connections wait here; read on other threads. */
    private volatile boolean paused;
    private volatile boolean wanting;
    /** Connections waiting here for which no idle connection is being closed yet. */
    private volatile int unserved;
    private ChannelHandlerContext ctx;

    /**
     * @param limit the cap, shared by every listener
     * @param idle  the connections that may be closed to make room
     */
    ConnectionGate(ConnectionLimit limit, IdleConnections idle) {
        this.limit = limit;
        this.idle = idle;
    }

    /** A connection has closed, on any listener: one waiting here may take its slot. */
    void slotFreed() {
        if (paused || wanting) {
            ctx.executor().execute(this::drain);
        }
    }

    /** A connection has become idle: one waiting here, or the next to arrive, may replace it. */
    void idleAvailable() {
        if (paused && (!wanting || unserved > 0)) {
            ctx.executor().execute(this::drain);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        limit.register(this);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        limit.unregister(this);
        // Accepted, never registered: closed as Netty's acceptor closes a connection it cannot register.
        waiting.forEach(child -> child.unsafe().closeForcibly());
        waiting.clear();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Channel child)) {
            ctx.fireChannelRead(msg);
        } else if (waiting.isEmpty() && limit.take()) {
            admit(child);
        } else {
            waiting.add(child);
            unserved++;
            limit.arrivedAtLimit();
            // Flags first: a connection closing from now on drains again.
            wanting = true;
            paused = true;
            ctx.channel().config().setAutoRead(false);
            drain();
        }
    }

    private void admit(Channel child) {
        child.closeFuture().addListener(closed -> limit.release());
        ctx.fireChannelRead(child);
    }

    /**
     * Admits waiting connections while there is room; closes one idle connection for each waiting one
     * that has none closing for it yet (each close drains again); accepts again once none waits and
     * there is room or an idle connection to replace.
     */
    private void drain() {
        while (!waiting.isEmpty() && limit.take()) {
            admit(waiting.poll());
        }
        int owed = Math.min(unserved, waiting.size());
        while (owed > 0 && idle.closeOne()) {
            owed--;
        }
        unserved = owed;
        wanting = !waiting.isEmpty();
        if (!wanting && paused && (limit.open() < limit.limit() || idle.size() > 0)) {
            paused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }
}
