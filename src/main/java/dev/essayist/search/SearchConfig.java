package dev.essayist.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Search settings, {@code essayist.search.*} in {@code application.yml}.
 *
 * @param indexDir the folder of the Lucene index ({@code ESSAYIST_SEARCH_INDEX_DIR}); by default
 *                 {@code ${essayist.index-dir}/search}, beside the H2 index. Empty: the index is
 *                 kept in memory and rebuilt from the rows at each start (tests, the command line).
 *                 Like the H2 index it is derived: deleting the folder is always safe.
 */
@ConfigurationProperties("essayist.search")
record SearchConfig(@Nullable String indexDir) {

    /** @return the index folder, or empty when the index lives in memory */
    Optional<Path> folder() {
        return indexDir == null || indexDir.isBlank() ? Optional.empty()
                : Optional.of(Path.of(indexDir).toAbsolutePath().normalize());
    }
}
