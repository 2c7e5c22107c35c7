package dev.essayist.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Starts an application context with a private in-memory index for a command that needs one
 * ({@code check}; an export would too). The command line's own context has no datasource
 * ({@code application-cli.yml}), so that commands which need none ({@code new}) start fast; and
 * the folders come from the command's options, which are known only after parsing.
 * Index it with {@code ContentIndexer.reindex()}: no file watcher or startup reindex runs here.
 */
final class IndexContext {

    private IndexContext() {
    }

    /**
     * @param posts   the posts folder
     * @param statics the static folder
     * @return a started context; close it when done
     */
    static ApplicationContext start(Path posts, Path statics) {
        return ApplicationContext.builder(Environment.CLI).properties(Map.of(
                "essayist.posts-dir", posts.toString(),
                "essayist.static-dir", statics.toString(),
                "datasources.default.url", "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "essayist.search.index-dir", "",
                "datasources.default.enabled", true,
                "flyway.datasources.default.enabled", true)).start();
    }
}
