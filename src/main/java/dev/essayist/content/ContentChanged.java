package dev.essayist.content;

import java.util.Set;

/**
 * Published after a reindex committed a change to the index and published its search index:
 * anything derived from the index (cached responses) is stale. Always follows a
 * {@link ContentChanging}; when the write failed and rolled back, {@code files} is empty.
 *
 * @param files the files whose rows were written or removed, as authors name them
 */
public record ContentChanged(Set<String> files) {
}
