package dev.essayist.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * One indexed essay: a whole row of {@code post}, derived from one file of {@code posts/} (the
 * file's own row, {@code indexed_file}, owns it: deleting that deletes this).
 *
 * @param id             surrogate key, {@code null} before insert
 * @param sourcePath     the file, as authors name it ({@code posts/2025-03-14-x.md})
 * @param sourceHash     SHA-256 of the file's bytes (hex)
 * @param slug           the URL slug; the canonical URL is {@code /posts/{slug}}
 * @param guid           the stable feed id (RSS guid), never changed by a title or slug change
 * @param title          plain-text title
 * @param summary        plain-text summary: front matter {@code summary} or the first paragraph
 * @param html           the rendered, sanitised body
 * @param headings       the body's h2/h3 headings in order (stored as JSON)
 * @param hasCode        whether the body has a code block (the page then loads the highlighter)
 * @param publishedAt    first publication time
 * @param updatedAt      last update, or {@code null}
 * @param draft          drafts are never public
 * @param visibleFrom    when readers may see it (see {@link PostRepository#PUBLISHED}): {@code publishedAt},
 *                       {@code null} (never) for a draft, the epoch in preview mode
 * @param wordCount      words of text in the body
 * @param readingMinutes estimated reading time in whole minutes, at least 1
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
                   @MappedProperty(type = DataType.STRING, converter = Heading.Column.class,
                           converterPersistedType = String.class) List<Heading> headings,
                   boolean hasCode,
                   Instant publishedAt,
                   @Nullable Instant updatedAt,
                   boolean draft,
                   @Nullable Instant visibleFrom,
                   int wordCount,
                   int readingMinutes) {

    /** @return the newest content time: updated when set, else published */
    public Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }

    /** @return the root-relative canonical path, {@code /posts/{slug}} */
    public String path() {
        return "/posts/" + slug;
    }
}
