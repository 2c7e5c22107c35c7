package dev.essayist.search;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/**
 * A published post's file, as its row says now.
 *
 * @param sourcePath the file ({@code post.source_path})
 * @param sourceHash   its SHA-256 ({@code post.source_hash})
 * @param lastModified its last change: the update time, or else the first publication
 */
@Introspected
record PublishedSource(String sourcePath, String sourceHash, Instant lastModified) {
}
