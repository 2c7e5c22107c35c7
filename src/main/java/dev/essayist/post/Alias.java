package dev.essayist.post;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code alias}: an old root-relative path that answers {@code 301} to its post.
 *
 * @param path   the path without a trailing slash, e.g. {@code /2025/03/skip-locked}
 * @param postId the post it redirects to
 */
@MappedEntity("alias")
public record Alias(@Id String path, long postId) {
}
