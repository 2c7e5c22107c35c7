package dev.essayist.post;

import io.micronaut.core.annotation.Introspected;

/**
 * An alias path and the slug of the published post it redirects to.
 *
 * @param path the old root-relative path, e.g. {@code /2025/03/skip-locked}
 * @param target the post's canonical path, the redirect's target
 */
@Introspected
public record AliasTarget(String path, String target) {
}
