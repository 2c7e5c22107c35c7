package dev.essayist.content;

import dev.essayist.search.SearchIndex;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the search index in step with an {@link IndexChange}: its documents are staged on another
 * core while the rows are written, and published only after the row commit, so readers search the
 * previous complete state until then (design.md invariant 2). A search index that cannot be written
 * never stops the rows: it answers from its last complete state and is rebuilt from the rows.
 */
@Singleton
class SearchUpdate {

    private static final Logger LOG = LoggerFactory.getLogger(SearchUpdate.class);

    private final SearchIndex search;

    SearchUpdate(SearchIndex search) {
        this.search = search;
    }

    /** @return a new state token for the change's row commit to store */
    String newState() {
        return SearchIndex.newState();
    }

    /**
     * @param change   the change
     * @param rowWrite writes the change's rows (and its state token) in one transaction
     * @param <T>      what the row write returns
     * @return what {@code rowWrite} returned
     * @throws RuntimeException whatever {@code rowWrite} throws; the staged documents are then dropped
     */
    <T> T write(IndexChange change, java.util.function.Supplier<T> rowWrite) {
        try {
            search.open(); // before the row commit, so a kept search index is compared with its own rows
        } catch (UncheckedIOException e) {
            LOG.error("Cannot open the search index; the rows are written, and the next search retries", e);
        }
        CompletableFuture<Void> staged = CompletableFuture.runAsync(() -> search.prepare(change.removedPosts(),
                change.posts().stream().map(this::document).toList()));
        T written;
        try {
            written = rowWrite.get();
        } catch (RuntimeException e) {
            staged.exceptionally(failure -> null).join();
            search.discard();
            throw e;
        }
        try {
            staged.join();
            search.publish(change.searchState());
        } catch (CompletionException | UncheckedIOException e) {
            LOG.error("Cannot update the search index; it is rebuilt from the index rows on the next search",
                    e instanceof CompletionException ? e.getCause() : e);
        }
        return written;
    }

    private SearchIndex.Doc document(ParsedPost post) {
        FrontMatter fm = post.frontMatter();
        return new SearchIndex.Doc(post.source().name(), post.source().hash(), fm.title(), post.summary(),
                post.body().text(), fm.distinctTags(), fm.date().toInstant());
    }
}
