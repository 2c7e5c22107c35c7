package dev.essayist.cache;

import dev.essayist.site.HttpCaching;
import dev.essayist.site.RequestIdFilter;
import dev.essayist.site.SecurityHeadersFilter;
import io.micronaut.core.annotation.Nullable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/**
 * The Netty response to a request {@link CachedPageHandler} answers from the cache, exactly as
 * Micronaut answers it: {@code 200} with the body, or {@code 304} when
 * {@code If-None-Match}/{@code If-Modified-Since} match (RFC 9110 §13.1), with the same
 * {@code ETag}, {@code Last-Modified}, {@code Cache-Control}, {@code Vary}, security headers
 * ({@link SecurityHeadersFilter#HEADERS}), {@code X-Request-Id} ({@link RequestIdFilter}),
 * {@code Date}, and {@code Content-Encoding: gzip} (the copy compressed at store time) when
 * {@code Accept-Encoding} allows it.
 */
final class NettyHits {

    private NettyHits() {
    }

    /** @return whether the request is one the cache may answer: a plain HTTP/1.x GET without a body */
    static boolean answerable(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return request.method() == HttpMethod.GET
                && request.decoderResult().isSuccess()
                && (request.protocolVersion() == HttpVersion.HTTP_1_1 || request.protocolVersion() == HttpVersion.HTTP_1_0)
                && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && !headers.contains(HttpHeaderNames.EXPECT)
                && !headers.contains(HttpHeaderNames.UPGRADE);
    }

    /**
     * @param request an {@link #answerable} request
     * @param page    the page stored for it
     * @return the response, 200 or 304; with {@code Connection: close} when the connection is to end
     *         after it: HTTP/1.1 keeps it unless asked not to, HTTP/1.0 ends it, as Micronaut does
     */
    static FullHttpResponse response(HttpRequest request, CachedPage page) {
        HttpHeaders in = request.headers();
        boolean notModified = HttpCaching.notModified(in.get(HttpHeaderNames.IF_NONE_MATCH),
                in.get(HttpHeaderNames.IF_MODIFIED_SINCE), page.rendered());
        FullHttpResponse response;
        // Header validation is off: every name is a constant and every value is ours or checked
        // (the request id must match RequestIdFilter's token pattern).
        if (notModified) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED,
                    Unpooled.EMPTY_BUFFER, false);
        } else {
            boolean gzip = page.gzip() != null && acceptsGzip(in.get(HttpHeaderNames.ACCEPT_ENCODING));
            // A view of the stored direct buffer: no copy, and nothing to free.
            ByteBuf body = Unpooled.wrappedBuffer((gzip ? page.gzip() : page.body()).duplicate());
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body, false);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, page.rendered().contentType());
            if (gzip) {
                response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        }
        HttpHeaders out = response.headers();
        out.set(HttpHeaderNames.ETAG, page.rendered().etag());
        out.set(HttpHeaderNames.LAST_MODIFIED, page.lastModified());
        out.set(HttpHeaderNames.CACHE_CONTROL, page.cacheControl());
        out.set(HttpHeaderNames.VARY, page.vary());
        for (Map.Entry<String, String> header : SecurityHeadersFilter.HEADERS.entrySet()) {
            out.set(header.getKey(), header.getValue());
        }
        out.set(HttpHeaderNames.DATE, HttpDates.now());
        out.set(RequestIdFilter.HEADER, RequestIdFilter.idFor(in.get(RequestIdFilter.HEADER)));
        if (request.protocolVersion() != HttpVersion.HTTP_1_1 || !HttpUtil.isKeepAlive(request)) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
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
}
