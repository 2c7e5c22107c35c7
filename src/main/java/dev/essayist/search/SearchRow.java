package dev.essayist.search;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A published post that a search matched, as its row says now.
 *
 * @param id             the post's id
 * @param slug           URL slug
 * @param path           canonical URL path
 * @param title          plain-text title
 * @param summary        plain-text summary
 * @param publishedAt    first publication time
 * @param updatedAt      last update, or {@code null}
 * @param readingMinutes estimated reading time in minutes
 * @param sourcePath     the file the post comes from
 * @param sourceHash     that file's SHA-256, as indexed
 */
@Introspected
record SearchRow(Long id, String slug, String path, String title, String summary, Instant publishedAt,
                 @Nullable Instant updatedAt, int readingMinutes, String sourcePath, String sourceHash) {
}
