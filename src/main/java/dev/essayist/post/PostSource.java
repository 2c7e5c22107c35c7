package dev.essayist.post;

import io.micronaut.core.annotation.Introspected;

/**
 * What the indexer needs to know of an indexed file: which row, which hash, which identities.
 *
 * @param id         the post's id
 * @param sourcePath the file
 * @param sourceHash SHA-256 of the file when it was indexed
 * @param slug       its slug
 * @param pathKey    its canonical path without a trailing slash
 * @param guid       its feed id
 */
@Introspected
public record PostSource(Long id, String sourcePath, String sourceHash, String slug, String pathKey, String guid) {
}
