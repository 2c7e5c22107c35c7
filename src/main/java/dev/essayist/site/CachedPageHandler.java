package dev.essayist.site;

import io.micronaut.core.annotation.Nullable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Answers a GET whose finished response {@link PageCache} holds before Micronaut sees the request:
 * one hash lookup, then the stored bytes and precomputed headers go straight to Netty's HTTP
 * encoder. This is what lets an essay be served at a rate close to nginx's (README,
 * "Performance"); a request the cache cannot answer goes on to Micronaut unchanged, which renders
 * it and fills the cache through {@link PageCache#store}.
 *
 * <p>A hit is answered exactly as Micronaut answers it from the cache: {@code 200} with the body,
 * or {@code 304} when {@code If-None-Match}/{@code If-Modified-Since} match (RFC 9110 §13.1), with
 * the same {@code ETag}, {@code Last-Modified}, {@code Cache-Control}, {@code Vary}, security
 * headers ({@link SecurityHeadersFilter#HEADERS}), {@code X-Request-Id} ({@link RequestIdFilter}),
 * {@code Date}, and {@code Content-Encoding: gzip} (a copy compressed once, at store time) when
 * {@code Accept-Encoding} allows it. Each hit is counted by {@link PageCache#countHit}.
 *
 * <p>One render per page: when many requests miss the same page at once (right after a publish
 * dropped the cache, say), the first goes on to Micronaut and the others wait, without holding a
 * thread, until its response has been written, then are answered from the entry it stored (or, if
 * it stored none, go on to Micronaut themselves). Without this, 50 readers arriving together
 * rendered a 600-essay tag page 50 times over, and the garbage grew the heap by hundreds of MB.
 * A wait lasts {@link #WAIT_SECONDS} at most.
 *
 * <p>What goes on to Micronaut: anything but a bodiless HTTP/1.x {@code GET} (so {@code HEAD},
 * {@code POST}, {@code Expect}, {@code Upgrade} and malformed requests keep Micronaut's handling),
 * every miss, and every request on a connection where Micronaut still owes an earlier response, so
 * that pipelined responses keep their order (RFC 9112 §9.3.2). One instance per connection, used
 * only on its event loop.
 */
final class CachedPageHandler extends ChannelDuplexHandler {

    /** The pipeline name of this handler, just before Micronaut's. */
    static final String NAME = "essayist-cached-pages";

    /** How long a miss waits at most for a render of the same page by another request. */
    static final long WAIT_SECONDS = 10;
    private static final Object NOT_A_RENDER = new Object();

    /**
     * A miss this connection handed to Micronaut as the one render of its page.
     *
     * @param key    the cache key
     * @param future completed once the response is written, which wakes the requests waiting for it
     */
    private record Render(ConcurrentMap<String, CompletableFuture<Void>> rendering, String key,
                          CompletableFuture<Void> future) {
        void finish() {
            rendering.remove(key, future);
            future.complete(null);
        }
    }

    private final PageCache cache;
    /**
     * Requests handed to Micronaut whose response has not been written completely, oldest first:
     * a {@link Render} or {@link #NOT_A_RENDER}.
     */
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

    /** @param cache the response cache */
    CachedPageHandler(PageCache cache) {
        this.cache = cache;
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
            Render render = null;
            if (forwarded.isEmpty() && answerable(request)) {
                String accept = request.headers().get(HttpHeaderNames.ACCEPT);
                PageCache.Entry entry = cache.lookup(accept, request.uri());
                if (entry != null) {
                    answer(ctx, request, entry, start);
                    dropping = !(msg instanceof LastHttpContent);
                    ReferenceCountUtil.release(msg);
                    return;
                }
                if (mayWait && cache.caching() && PageCache.cacheable(request.uri())) {
                    // One render per page: the first miss renders, the others wait for its entry.
                    String key = PageCache.key(accept, request.uri());
                    CompletableFuture<Void> mine = new CompletableFuture<>();
                    CompletableFuture<Void> underWay = cache.rendering().putIfAbsent(key, mine);
                    if (underWay != null) {
                        hold(ctx, request, key, underWay);
                        return;
                    }
                    render = new Render(cache.rendering(), key, mine);
                }
            }
            forwarded.add(render == null ? NOT_A_RENDER : render);
        }
        ctx.fireChannelRead(msg);
    }

    /** Parks a request until the render it waits for has been written, then reads it again. */
    private void hold(ChannelHandlerContext ctx, HttpRequest request, String key, CompletableFuture<Void> render) {
        held = request;
        // Each waiter its own timeout, on a copy: the render's future is shared by every waiter.
        render.copy().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).whenComplete((done, failed) -> {
            if (failed != null) {
                // A render that never finished must not make later readers wait too.
                cache.rendering().remove(key, render);
            }
            ctx.executor().execute(() -> release(ctx));
        });
    }

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
            Object done = forwarded.poll();
            if (done instanceof Render render) {
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
            if (pending instanceof Render render) {
                render.finish();
            }
        }
        forwarded.clear();
        ctx.fireChannelInactive();
    }

    /** @return whether the request is one this handler may answer: a plain HTTP/1.x GET without a body */
    private static boolean answerable(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return request.method() == HttpMethod.GET
                && request.decoderResult().isSuccess()
                && (request.protocolVersion() == HttpVersion.HTTP_1_1 || request.protocolVersion() == HttpVersion.HTTP_1_0)
                && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && !headers.contains(HttpHeaderNames.EXPECT)
                && !headers.contains(HttpHeaderNames.UPGRADE);
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request, PageCache.Entry entry, long start) {
        HttpHeaders in = request.headers();
        Rendered rendered = entry.rendered();
        boolean notModified = HttpCaching.notModified(in.get(HttpHeaderNames.IF_NONE_MATCH),
                in.get(HttpHeaderNames.IF_MODIFIED_SINCE), rendered);
        FullHttpResponse response;
        if (notModified) {
            // Header validation is off: every name is a constant and every value is ours or checked
            // (the request id must match RequestIdFilter's token pattern).
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER, false);
        } else {
            boolean gzip = entry.gzip() != null && acceptsGzip(in.get(HttpHeaderNames.ACCEPT_ENCODING));
            // A view of the stored direct buffer: no copy, and nothing to free.
            ByteBuf body = Unpooled.wrappedBuffer((gzip ? entry.gzip() : entry.body()).duplicate());
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body, false);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, rendered.contentType());
            if (gzip) {
                response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        }
        HttpHeaders out = response.headers();
        out.set(HttpHeaderNames.ETAG, rendered.etag());
        out.set(HttpHeaderNames.LAST_MODIFIED, entry.lastModified());
        out.set(HttpHeaderNames.CACHE_CONTROL, entry.cacheControl());
        out.set(HttpHeaderNames.VARY, entry.vary());
        for (Map.Entry<String, String> header : SecurityHeadersFilter.HEADERS.entrySet()) {
            out.set(header.getKey(), header.getValue());
        }
        out.set(HttpHeaderNames.DATE, HttpDates.now());
        out.set(RequestIdFilter.HEADER, RequestIdFilter.idFor(in.get(RequestIdFilter.HEADER)));
        // HTTP/1.1 keeps the connection unless asked not to; HTTP/1.0 ends it, as Micronaut does.
        boolean keepAlive = request.protocolVersion() == HttpVersion.HTTP_1_1 && HttpUtil.isKeepAlive(request);
        if (!keepAlive) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.write(response);
            flushPending = true;
        }
        cache.countHit(entry, notModified ? 304 : 200, start);
    }

    /**
     * @param acceptEncoding the request's {@code Accept-Encoding}, or {@code null}
     * @return whether it lists {@code gzip} (or {@code *}) with a non-zero weight (RFC 9110 §12.5.3)
     */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip();
                    if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** The {@code Date} header value (RFC 9110 §6.6.1), formatted at most once a second. */
    static final class HttpDates {
        private static volatile long second = -1;
        private static volatile String formatted = "";

        private HttpDates() {
        }

        static String now() {
            long millis = System.currentTimeMillis();
            long now = millis / 1000;
            if (now != second) {
                formatted = DateFormatter.format(new Date(now * 1000));
                second = now;
            }
            return formatted;
        }
    }
}
