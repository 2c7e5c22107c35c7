package dev.essayist.post;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A post without its body, for list pages (index, tag, archive) and previous/next links.
 *
 * @param id             the post's id
 * @param slug           URL slug
 * @param path           canonical root-relative URL path
 * @param title          plain-text title
 * @param summary        plain-text summary
 * @param publishedAt    first publication time
 * @param updatedAt      last update, or {@code null}
 * @param readingMinutes estimated reading time in minutes
 */
@Introspected
public record PostSummary(Long id, String slug, String path, String title, String summary, Instant publishedAt,
                          @Nullable Instant updatedAt, int readingMinutes) {

    /** @return the newest content time: updated when set, else published */
    public Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
