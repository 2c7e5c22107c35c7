package dev.essayist.post;

import io.micronaut.core.annotation.Introspected;

/**
 * An alias path and the file that declares it.
 *
 * @param path       the root-relative old path, e.g. {@code /2025/03/skip-locked}
 * @param sourcePath the file whose front matter lists it
 */
@Introspected
public record AliasSource(String path, String sourcePath) {
}
