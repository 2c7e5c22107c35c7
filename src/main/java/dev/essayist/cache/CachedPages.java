package dev.essayist.cache;

import dev.essayist.site.Rendered;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the {@link CachedPage} of a finished response, from the response alone: its status, body
 * bytes, and its {@code Content-Type}, {@code ETag}, {@code Last-Modified}, {@code Cache-Control}
 * and {@code Vary} headers (as {@code HttpCaching.send} sets them). The gzip copy is made once
 * here when Micronaut's own {@link HttpCompressionStrategy} would compress the body.
 */
@WhenCaching
@Singleton
class CachedPages {

    private final HttpCompressionStrategy compression;

    CachedPages(HttpCompressionStrategy compression) {
        this.compression = compression;
    }

    /**
     * @param request  the request, for its route
     * @param response the response about to be sent
     * @return the page to store, or {@code null} when the cache does not keep this response: not a
     *         {@code 200}, no body bytes (a stream, a file), without one of the headers above, or a
     *         static file (its {@code Content-Location} under {@code /static/})
     */
    @Nullable
    CachedPage of(HttpRequest<?> request, HttpResponse<?> response) {
        if (response.code() != 200 || !(response.body() instanceof byte[] body)) {
            return null;
        }
        HttpHeaders headers = response.getHeaders();
        // A static file served at the root names its /static/ address (RFC 9110 §8.7): StaticFiles
        // holds it and sees its edits, as under /static/, so it is not kept here.
        String location = headers.get(HttpHeaders.CONTENT_LOCATION);
        if (location != null && !PageCache.cacheable(location)) {
            return null;
        }
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        String etag = headers.get(HttpHeaders.ETAG);
        String lastModified = headers.get(HttpHeaders.LAST_MODIFIED);
        String cacheControl = headers.get(HttpHeaders.CACHE_CONTROL);
        String vary = headers.get(HttpHeaders.VARY);
        Instant modified = lastModified == null ? null : parseHttpDate(lastModified);
        if (contentType == null || etag == null || modified == null || cacheControl == null || vary == null) {
            return null;
        }
        String route = BasicHttpAttributes.getUriTemplate(request).orElse(request.getPath());
        return new CachedPage(new Rendered(body, contentType, modified, etag), cacheControl, vary, lastModified,
                direct(body), direct(gzip(contentType, body)), "/".equals(route) ? "root" : route);
    }

    /** @return the HTTP-date (RFC 9110 §5.6.7) as an instant, or {@code null} when it is not one */
    @Nullable
    private static Instant parseHttpDate(String date) {
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the body gzip-compressed when Micronaut would compress it, else {@code null} */
    @Nullable
    private byte[] gzip(String contentType, byte[] body) {
        DefaultHttpResponse probe = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        probe.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType).set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!compression.isEnabled() || !compression.shouldCompress(probe)) {
            return null;
        }
        int level = compression.getCompressionLevel();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * @param bytes bytes, or {@code null}
     * @return them in a read-only direct buffer (freed by the JDK when the page is dropped and
     *         collected), or {@code null}
     */
    @Nullable
    private static ByteBuffer direct(@Nullable byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }
}
