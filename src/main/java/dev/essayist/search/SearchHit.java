package dev.essayist.search;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A post that matched a search, with its plain-text body for ranking and the snippet.
 *
 * @param id             the post's id
 * @param slug           URL slug
 * @param path           canonical URL path
 * @param title          plain-text title
 * @param summary        plain-text summary
 * @param publishedAt    first publication time
 * @param updatedAt      last update, or {@code null}
 * @param readingMinutes estimated reading time in minutes
 * @param body           the body as plain text
 */
@Introspected
public record SearchHit(Long id, String slug, String path, String title, String summary, Instant publishedAt,
                        @Nullable Instant updatedAt, int readingMinutes,
                        String body) {
}
