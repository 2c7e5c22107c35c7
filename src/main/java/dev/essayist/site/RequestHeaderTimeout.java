package dev.essayist.site;

import io.micronaut.core.annotation.Nullable;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an HTTP/1.1 connection whose client has not sent a complete request head (request line and
 * header section, RFC 9112 §2.1) within a set time of the connection being ready for one: from its
 * opening, and from the end of the last response when no other request is under way. A client that
 * sends half a request, or trickles it a byte at a time (slowloris), loses its connection after that
 * time however many bytes it sends; so does a keep-alive connection left idle (a server may close an
 * idle connection at any time, RFC 9112 §9.5; clients retry on a new one).
 *
 * <p>Nothing is written before closing: no request was made, so there is nothing to answer (as
 * nginx's {@code client_header_timeout} and Go's {@code ReadHeaderTimeout} do). While a response is
 * owed the clock is stopped, so a slow render or a slow download is never cut here; Micronaut's
 * {@code micronaut.server.idle-timeout} closes a connection on which nothing moves at all.
 *
 * <p>While its clock runs the connection is {@link IdleConnections idle}: at the connection cap a new
 * connection may take its place.
 *
 * <p>Sits right after Netty's HTTP codec, where it sees each decoded request head and the end of
 * every response, whichever handler wrote it. One instance per connection, used on its event loop.
 */
final class RequestHeaderTimeout extends ChannelDuplexHandler {

    /** The pipeline name of this handler, just after the HTTP codec. */
    static final String NAME = "essayist-request-header-timeout";

    private static final Logger LOG = LoggerFactory.getLogger(RequestHeaderTimeout.class);

    private final long timeoutNanos;
    private final IdleConnections idle;
    private final Runnable onTimeout;
    /** Requests read whose response has not been written completely. */
    private int owed;
    @Nullable
    private ScheduledFuture<?> deadline;

    /**
     * @param timeout   the time a client has for a complete request head
     * @param idle      the connections with no request under way, this one among them while its clock runs
     * @param onTimeout run on the event loop each time a connection is closed for it (a count)
     */
    RequestHeaderTimeout(Duration timeout, IdleConnections idle, Runnable onTimeout) {
        this.timeoutNanos = timeout.toNanos();
        this.idle = idle;
        this.onTimeout = onTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm(ctx);
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            owed++;
            disarm(ctx);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // A response ends with a LastHttpContent (a FullHttpResponse is one); an interim 1xx is not the answer.
        if (msg instanceof LastHttpContent
                && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            // The clock restarts once the response has left, not when it is queued: a slow reader's
            // download is not request-head time. unvoid() keeps a void promise's failure reporting.
            ChannelPromise written = promise.unvoid();
            written.addListener(done -> answered(ctx));
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    private void answered(ChannelHandlerContext ctx) {
        owed = Math.max(0, owed - 1);
        if (owed == 0) {
            arm(ctx);
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        if (deadline == null && owed == 0 && ctx.channel().isActive()) {
            deadline = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
            idle.add(ctx.channel());
        }
    }

    private void disarm(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        idle.remove(ctx.channel());
    }

    private void expire(ChannelHandlerContext ctx) {
        deadline = null;
        idle.remove(ctx.channel());
        if (owed == 0 && ctx.channel().isActive()) {
            LOG.debug("No complete request head from {} within {} ms; closing the connection",
                    ctx.channel().remoteAddress(), TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            onTimeout.run();
            ctx.close();
        }
    }
}
