package dev.essayist.events;

/**
 * Published just before a reindex starts writing the index, and always followed by a
 * {@link ContentChanged} once the write has committed (or failed) and the search index has been
 * published. Between the two, the rows may already show the new content while anything derived
 * from them (cached responses) still shows the old: a cache must neither answer nor store until
 * the {@link ContentChanged} arrives, or a reader could see a renamed essay at its new address
 * and, from the cache, at its old one.
 */
public record ContentChanging() {
}
