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
 * @param slug           the URL slug
 * @param path           the canonical root-relative URL path, as served ({@code essayist.permalink})
 * @param pathKey        {@code path} without a trailing slash: what requests are matched against
 * @param bundle         the folder of its page bundle, whose files are served under {@code path}, or {@code null}
 * @param guid           the stable feed id (RSS guid), never changed by a title or slug change
 * @param title          plain-text title
 * @param summary        plain-text summary: front matter {@code summary} or the first paragraph
 * @param html           the rendered, sanitised body
 * @param headings       the body's h2/h3 headings in order (stored as JSON)
 * @param hasCode        whether the body has a code block (the page then loads the highlighter)
 * @param publishedAt    first publication time
 * @param updatedAt      last update, or {@code null}
 * @param draft          drafts are never public
 * @param authors        author names (stored as JSON); empty for the site's author
 * @param visibleFrom    when readers may see it (see {@link PostRepository#PUBLISHED}): its publish date,
 *                       {@code null} (never) for a draft, the epoch in preview mode
 * @param visibleUntil   when readers stop seeing it (Hugo's {@code expiryDate}), or {@code null}
 * @param wordCount      words of text in the body
 * @param readingMinutes estimated reading time in whole minutes, at least 1
 */
@MappedEntity("post")
public record Post(@Id @GeneratedValue @Nullable Long id,
                   String sourcePath,
                   String sourceHash,
                   String slug,
                   String path,
                   String pathKey,
                   @Nullable String bundle,
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
                   @MappedProperty(type = DataType.STRING, converter = Names.class,
                           converterPersistedType = String.class) List<String> authors,
                   @Nullable Instant visibleFrom,
                   @Nullable Instant visibleUntil,
                   int wordCount,
                   int readingMinutes) {

    /** @return the newest content time: updated when set, else published */
    public Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }

    /** The {@code post.authors} column. */
    @jakarta.inject.Singleton
    static final class Names extends dev.essayist.site.JsonColumn<List<String>> {
        Names(io.micronaut.serde.ObjectMapper json) {
            super(json, io.micronaut.core.type.Argument.listOf(String.class));
        }
    }
}
