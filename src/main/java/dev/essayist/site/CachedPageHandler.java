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
import java.util.Date;
import java.util.Map;

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
 * <p>What goes on to Micronaut: anything but a bodiless HTTP/1.x {@code GET} (so {@code HEAD},
 * {@code POST}, {@code Expect}, {@code Upgrade} and malformed requests keep Micronaut's handling),
 * every miss, and every request on a connection where Micronaut still owes an earlier response, so
 * that pipelined responses keep their order (RFC 9112 §9.3.2). One instance per connection, used
 * only on its event loop.
 */
final class CachedPageHandler extends ChannelDuplexHandler {

    /** The pipeline name of this handler, just before Micronaut's. */
    static final String NAME = "essayist-cached-pages";

    private final PageCache cache;
    /** Requests handed to Micronaut whose response has not been written completely. */
    private int owed;
    /** The request just answered here still has its (empty) last content to come, to drop. */
    private boolean dropping;
    private boolean flushPending;

    /** @param cache the response cache */
    CachedPageHandler(PageCache cache) {
        this.cache = cache;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (dropping) {
            if (msg instanceof LastHttpContent) {
                dropping = false;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            long start = System.nanoTime();
            PageCache.Entry entry = owed == 0 && answerable(request)
                    ? cache.lookup(request.headers().get(HttpHeaderNames.ACCEPT), request.uri()) : null;
            if (entry != null) {
                answer(ctx, request, entry, start);
                dropping = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            owed++;
        }
        ctx.fireChannelRead(msg);
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
                && !(msg instanceof HttpResponse response && response.status().codeClass() == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL)
                && owed > 0) {
            owed--;
        }
        ctx.write(msg, promise);
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
