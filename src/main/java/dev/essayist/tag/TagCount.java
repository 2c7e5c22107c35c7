package dev.essayist.tag;

import io.micronaut.core.annotation.Introspected;

/**
 * A tag with the number of published posts that carry it.
 *
 * @param slug  tag slug
 * @param name  display name
 * @param count published posts, at least 1
 */
@Introspected
record TagCount(String slug, String name, long count) {
}
