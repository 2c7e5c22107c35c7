package dev.essayist.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One indexed essay: a row of {@code post}, derived from one file of {@code posts/}.
 *
 * @param id             surrogate key, {@code null} before insert
 * @param sourcePath     the file, as authors name it ({@code posts/2025-03-14-x.md})
 * @param sourceHash     SHA-256 of the file's bytes (hex)
 * @param slug           the URL slug; the canonical URL is {@code /posts/{slug}}
 * @param guid           the stable feed id (RSS guid), never changed by a title or slug change
 * @param title          plain-text title
 * @param summary        plain-text summary: front matter {@code summary} or the first paragraph
 * @param html           the rendered body
 * @param headings       JSON list of the body's h2/h3 headings ({@code [{"level":2,"id":..,"text":..}]})
 * @param publishedAt    first publication time
 * @param updatedAt      last update, or {@code null}
 * @param draft          drafts are never public
 * @param wordCount      words of text in the body
 * @param readingMinutes estimated reading time in minutes
 */
@MappedEntity("post")
public record Post(@Id @GeneratedValue @Nullable Long id,
                   String sourcePath,
                   String sourceHash,
                   String slug,
                   String guid,
                   String title,
                   String summary,
                   String html,
                   String headings,
                   Instant publishedAt,
                   @Nullable Instant updatedAt,
                   boolean draft,
                   int wordCount,
                   int readingMinutes) {

    /** @return the newest content time: updated when set, else published */
    public Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
