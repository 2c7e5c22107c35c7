package dev.essayist.tag;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A tag: one slug, with the display name of its first spelling ("PostgreSQL" and "postgresql"
 * are the same tag, {@code postgresql}).
 *
 * @param id   surrogate key, {@code null} before insert
 * @param slug lowercase-hyphenated, the URL segment of {@code /tags/{slug}}
 * @param name display name
 */
@MappedEntity("tag")
public record Tag(@Id @GeneratedValue @Nullable Long id, String slug, String name) {
}
