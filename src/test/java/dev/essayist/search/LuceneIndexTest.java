package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexTest {

    @TempDir
    Path folder;

    /** The rows' state token, changed by a test as a row commit would. */
    private final AtomicReference<String> state = new AtomicReference<>("first");

    /** Rows with this state token and no posts: a rebuild leaves the index empty. */
    private final SearchRepository rows = (SearchRepository) Proxy.newProxyInstance(
            SearchRepository.class.getClassLoader(), new Class<?>[] {SearchRepository.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "findState" -> Optional.ofNullable(state.get());
                case "findIndexSources" -> List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private LuceneIndex openWithOneDocument() throws Exception {
        LuceneIndex index = new LuceneIndex(rows, new SearchConfig(folder.toString()));
        index.open(false);
        IndexCommits.update(index.writer(), new SearchIndex.Doc("2024-01-01-a.md", "abc", "A", "", "body text",
                List.of(), Instant.parse("2024-01-01T00:00:00Z")));
        index.commit(state.get());
        return index;
    }

    @Test
    void opensAnIndexInMemoryWithReadersWhenNoFolderIsSet() throws Exception {
        LuceneIndex index = new LuceneIndex(rows, new SearchConfig(null));
        try {
            index.open(false);

            assertThat(index.isOpen()).isTrue();
            assertThat(index.where()).isEqualTo("(in memory)");
            assertThat(index.searchers()).isNotNull();
            assertThat(index.rebuilding()).isFalse();
        } finally {
            index.close();
        }
        assertThat(index.isOpen()).isFalse();
        assertThat(index.searchers()).isNull();
    }

    /** @return how many documents the index in the folder holds once opened again, rebuilt or not */
    private int documentsOnReopening(boolean rebuild) throws Exception {
        LuceneIndex again = new LuceneIndex(rows, new SearchConfig(folder.toString()));
        try {
            again.open(rebuild);
            assertThat(again.where()).isEqualTo(folder.toString());
            return again.writer().getDocStats().numDocs;
        } finally {
            again.close();
        }
    }

    @Test
    void keepsAnIndexWhoseCommitMatchesTheRows() throws Exception {
        openWithOneDocument().close();

        assertThat(documentsOnReopening(false)).isEqualTo(1);
    }

    @Test
    void rebuildsFromTheRowsWhenTheirStateMovedOn() throws Exception {
        openWithOneDocument().close();
        state.set("second");

        assertThat(documentsOnReopening(false)).isZero();
    }

    @Test
    void rebuildsWhenToldEvenIfInStep() throws Exception {
        openWithOneDocument().close();

        assertThat(documentsOnReopening(true)).isZero();
    }
}
