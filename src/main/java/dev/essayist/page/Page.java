package dev.essayist.page;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/**
 * A standalone page from {@code posts/pages/{slug}.md}, such as the about page.
 *
 * @param slug       the file name without {@code .md}; {@code about} is served at {@code /about}
 * @param sourcePath the file
 * @param sourceHash SHA-256 of the file's bytes (hex)
 * @param title      plain-text title
 * @param summary    plain-text summary
 * @param html       the rendered body
 * @param data       the structured front matter (stored as JSON)
 * @param updatedAt  front matter {@code updated}, else the file's modification time
 */
@MappedEntity("page")
public record Page(@Id String slug, String sourcePath, String sourceHash, String title, String summary,
                   String html,
                   @MappedProperty(type = DataType.STRING, converter = PageData.Column.class,
                           converterPersistedType = String.class) PageData data,
                   Instant updatedAt) {
}
