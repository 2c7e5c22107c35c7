package dev.essayist.post;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import dev.essayist.site.JsonColumn;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A section heading of an essay's body, for its table of contents.
 *
 * @param level 2 or 3
 * @param id    the fragment id, e.g. {@code why-select-then-update-fails}
 * @param text  plain text of the heading
 */
@Serdeable
public record Heading(int level, String id, String text) {

    /** The {@code post.headings} column: the list as JSON. */
    @Singleton
    static final class Column extends JsonColumn<List<Heading>> {
        Column(ObjectMapper json) {
            super(json, Argument.listOf(Heading.class));
        }
    }
}
