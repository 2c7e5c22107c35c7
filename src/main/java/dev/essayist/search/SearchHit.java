package dev.essayist.search;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A published post that matched a search, as its row says now, with its snippet.
 *
 * @param id             the post's id
 * @param slug           URL slug
 * @param path           canonical URL path
 * @param title          plain-text title
 * @param summary        plain-text summary
 * @param publishedAt    first publication time
 * @param updatedAt      last update, or {@code null}
 * @param readingMinutes estimated reading time in minutes
 * @param snippet        HTML: escaped body text around the best match, the words found in
 *                       {@code <mark>} ({@link Snippets})
 */
public record SearchHit(Long id, String slug, String path, String title, String summary, Instant publishedAt,
                        @Nullable Instant updatedAt, int readingMinutes, String snippet) {
}
