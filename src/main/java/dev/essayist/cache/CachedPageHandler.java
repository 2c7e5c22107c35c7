package dev.essayist.cache;

import io.micronaut.core.annotation.Nullable;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Answers a GET whose finished response the {@link PageCache} holds before Micronaut sees the
 * request: one hash lookup, then the stored bytes and precomputed headers ({@link NettyHits}) go
 * straight to Netty's HTTP encoder. This is what lets an essay be served at a rate close to
 * nginx's (README, "Performance"); a request the cache cannot answer goes on to Micronaut
 * unchanged, which renders it and fills the cache through {@link PageCacheFilter}. Each hit is
 * counted by {@link HitMetrics#hit}.
 *
 * <p>A miss on a page another request is rendering waits for that render
 * ({@link RenderCoalescing}) and is then looked up again; if the render stored nothing, it goes
 * on to Micronaut itself.
 *
 * <p>What goes on to Micronaut: anything but a bodiless HTTP/1.x {@code GET} (so {@code HEAD},
 * {@code POST}, {@code Expect}, {@code Upgrade} and malformed requests keep Micronaut's handling),
 * every miss, and every request on a connection where Micronaut still owes an earlier response, so
 * that pipelined responses keep their order (RFC 9112 §9.3.2). One instance per connection, used
 * only on its event loop.
 */
final class CachedPageHandler extends ChannelDuplexHandler {

    private static final Object NOT_A_RENDER = new Object();

    private final PageCache cache;
    private final RenderCoalescing renders;
    private final HitMetrics metrics;
    /** Requests handed to Micronaut whose response is not written yet, oldest first: a render or not. */
    private final ArrayDeque<Object> forwarded = new ArrayDeque<>();
    /** The request waiting for another request's render, or {@code null}. */
    @Nullable
    private HttpRequest held;
    /** What arrived on this connection after {@link #held}, in order. */
    private final ArrayDeque<Object> heldMessages = new ArrayDeque<>();
    /** The request just answered here still has its (empty) last content to come, to drop. */
    private boolean dropping;
    private boolean flushPending;
    /** Micronaut's handler asked for more input while a request was held; asked again on release. */
    private boolean readWanted;

    CachedPageHandler(PageCache cache, RenderCoalescing renders, HitMetrics metrics) {
        this.cache = cache;
        this.renders = renders;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (held != null) {
            // A request is waiting for another connection's render: what follows waits behind it.
            heldMessages.add(msg);
            return;
        }
        read(ctx, msg, true);
    }

    /**
     * @param mayWait whether a miss may wait for a render of the same page already under way (not
     *                when the request has just waited for one that filled nothing)
     */
    private void read(ChannelHandlerContext ctx, Object msg, boolean mayWait) {
        if (dropping) {
            if (msg instanceof LastHttpContent) {
                dropping = false;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            long start = System.nanoTime();
            RenderCoalescing.Render render = null;
            if (forwarded.isEmpty() && NettyHits.answerable(request) && PageCache.cacheable(request.uri())) {
                String key = PageCache.key(request.headers().get(HttpHeaderNames.ACCEPT), request.uri());
                CachedPage page = cache.lookup(key);
                if (page != null) {
                    answer(ctx, request, page, start);
                    dropping = !(msg instanceof LastHttpContent);
                    ReferenceCountUtil.release(msg);
                    return;
                }
                if (mayWait) {
                    render = renders.startOrWait(key, () -> ctx.executor().execute(() -> release(ctx)));
                    if (render == null) {
                        held = request;
                        return;
                    }
                }
            }
            forwarded.add(render == null ? NOT_A_RENDER : render);
        }
        ctx.fireChannelRead(msg);
    }

    /** Reads the held request again, once the render it waited for has been written. */
    private void release(ChannelHandlerContext ctx) {
        HttpRequest request = held;
        if (request == null) {
            return;
        }
        held = null;
        if (!ctx.channel().isActive()) {
            ReferenceCountUtil.release(request);
            heldMessages.forEach(ReferenceCountUtil::release);
            heldMessages.clear();
            return;
        }
        read(ctx, request, false);
        while (held == null && !heldMessages.isEmpty()) {
            read(ctx, heldMessages.poll(), true);
        }
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
        // Outside a read, Micronaut's handler dispatches what it was given at its read-complete.
        ctx.fireChannelReadComplete();
        if (held == null && readWanted) {
            readWanted = false;
            ctx.read();
        }
    }

    /**
     * Back-pressure while a request is held: Micronaut's handler reads on demand (auto-read off) and
     * asks for more when it has nothing to do, which is the case while its next request waits here.
     * The socket is not read until the held request is released, so a client pipelining behind it
     * cannot make this connection buffer without bound.
     */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (held != null) {
            readWanted = true;
            return;
        }
        ctx.read();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // Micronaut's response ends with a LastHttpContent (a FullHttpResponse is one); an interim
        // 1xx response is not the answer.
        if (msg instanceof LastHttpContent
                && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            if (forwarded.poll() instanceof RenderCoalescing.Render render) {
                // Micronaut's filters have stored the page (or found it not cacheable) by now.
                render.finish();
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Renders this connection started will not be written: let their waiters go on.
        for (Object pending : forwarded) {
            if (pending instanceof RenderCoalescing.Render render) {
                render.finish();
            }
        }
        forwarded.clear();
        ctx.fireChannelInactive();
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request, CachedPage page, long start) {
        FullHttpResponse response = NettyHits.response(request, page);
        if (HttpUtil.isKeepAlive(response)) {
            ctx.write(response);
            flushPending = true;
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
        metrics.hit(page, response.status().code(), start);
    }
}
