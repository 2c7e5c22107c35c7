package dev.essayist.cache;

import dev.essayist.site.Rendered;
import io.micronaut.core.annotation.Nullable;
import java.nio.ByteBuffer;

/**
 * One stored response, with everything a hit needs already computed.
 *
 * @param rendered     body, {@code Content-Type} and validators, as the response carried them
 * @param cacheControl the {@code Cache-Control} it was sent with
 * @param vary         the {@code Vary} it was sent with
 * @param lastModified the {@code Last-Modified} it was sent with, an HTTP-date
 * @param body         {@code rendered.body()} in a read-only direct buffer, which
 *                     {@link CachedPageHandler} hands to the socket without copying it (a heap
 *                     array would be copied into a new direct buffer on every request: 300 KB per
 *                     feed request, gigabytes a second of garbage under load)
 * @param gzip         the body gzip-compressed, read-only and direct, or {@code null} when Micronaut
 *                     would not compress it (not text, or shorter than
 *                     {@code micronaut.server.netty.compression-threshold})
 * @param route        the route's URI template for the {@code http.server.requests} metric, e.g.
 *                     {@code /posts/{slug}}; {@code root} for {@code /}
 */
record CachedPage(Rendered rendered, String cacheControl, String vary, String lastModified, ByteBuffer body,
                  @Nullable ByteBuffer gzip, String route) {

    /** @return bytes held: the body, its direct copy and its compressed copy */
    int weight() {
        return rendered.body().length + body.capacity() + (gzip == null ? 0 : gzip.capacity());
    }
}
