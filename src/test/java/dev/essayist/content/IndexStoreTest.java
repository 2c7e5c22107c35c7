package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.essayist.Await;
import dev.essayist.TestSite;
import dev.essayist.post.PostRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The index kept in a file: a restart rewrites only changed files, and a file that cannot be used
 * is thrown away and rebuilt from posts/.
 */
class IndexStoreTest {

    private final TestSite site = TestSite.create();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Path indexDir;

    @BeforeEach
    void setUp() throws IOException {
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\ntags: [One]\n", "Alpha.\n");
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\ntags: [Two]\n", "Beta.\n");
        indexDir = TestSite.tempFolder("essayist-index");
        log.start();
        ((Logger) LoggerFactory.getLogger(IndexStore.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(IndexStore.class)).detachAppender(log);
    }

    @Test
    void restartRewritesOnlyTheFilesThatChanged() {
        start(Map.of(), IndexStoreTest::markEveryRowStale);
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\ntags: [Two]\n", "Beta, edited.\n");

        start(Map.of(), context -> assertThat(titles(context)).containsOnly(
                entry(file("2025-01-10-alpha.md"), "Stale"), entry(file("2025-02-20-beta.md"), "Beta")));
        assertThat(log.list).isEmpty();
    }

    @Test
    void restartStillChecksLinksBetweenUnchangedFiles() {
        site.post("2025-03-01-gamma.md", "title: Gamma\ndate: 2025-03-01\n", "See [Alpha](/posts/alpha#alpha-heading).\n");
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\n", "## Alpha heading\n\nAlpha.\n");
        start(Map.of(), context -> assertThat(context.getBean(ContentIndexer.class).problems()).isEmpty());
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\n", "See [a missing essay](/posts/nope).\n");

        start(Map.of(), context -> assertThat(context.getBean(ContentIndexer.class).problems())
                .extracting(ContentProblem::message)
                .containsExactly("link '/posts/nope': no essay, alias or static file has the address '/posts/nope'"));
    }

    @Test
    void anIndexFolderThatCannotBeWrittenIndexesIntoMemoryWithOneWarning() throws IOException {
        // A regular file where the folder should be: no folder can be made there, even by root
        // (a full or read-only disk fails the same probe).
        Path blocked = indexDir.resolve("blocked");
        Files.writeString(blocked, "a file, not a folder");
        start(Map.of("datasources.default.url", "jdbc:h2:file:" + blocked.resolve("index")),
                context -> assertThat(titles(context)).containsOnlyKeys(file("2025-01-10-alpha.md"), file("2025-02-20-beta.md")));
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("Index folder " + blocked + " cannot be written (")
                    .contains("indexing into memory instead");
        });
    }

    @Test
    void corruptIndexFileIsRebuiltWithOneWarning() throws IOException {
        Files.write(indexDir.resolve("index.mv.db"), "not an H2 file at all, only text".repeat(200).getBytes());

        start(Map.of(), context -> assertThat(titles(context)).containsOnly(
                entry(file("2025-01-10-alpha.md"), "Alpha"), entry(file("2025-02-20-beta.md"), "Beta")));
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith("Index " + indexDir.resolve("index.mv.db").toAbsolutePath() + " cannot be opened (")
                    .endsWith("deleting it and rebuilding it from the posts folder");
        });
    }

    @Test
    void indexBuiltUnderAnotherTimeZoneIsRebuilt() {
        start(Map.of("essayist.time-zone", "America/Chicago"), IndexStoreTest::markEveryRowStale);

        start(Map.of("essayist.time-zone", "Europe/Berlin"), context -> assertThat(titles(context)).containsOnly(
                entry(file("2025-01-10-alpha.md"), "Alpha"), entry(file("2025-02-20-beta.md"), "Beta")));
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).contains("zone America/Chicago").contains("zone Europe/Berlin");
        });
    }

    @Test
    void indexMigratedByAnEditedMigrationIsRebuiltWithOneWarning() {
        // As if V1__index.sql had been edited since this index was built: Flyway's stored checksum
        // no longer matches the file. (Tests run from a classes folder, as `mvn mn:run` does, where
        // the fingerprint cannot tell the builds apart.)
        start(Map.of(), context -> {
            markEveryRowStale(context);
            sql(context, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
        });

        start(Map.of(), context -> assertThat(titles(context)).containsOnly(
                entry(file("2025-01-10-alpha.md"), "Alpha"), entry(file("2025-02-20-beta.md"), "Beta")));
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith("Index " + indexDir.resolve("index.mv.db").toAbsolutePath()
                            + " was migrated by other migration files (")
                    .contains("checksum mismatch for migration version 1")
                    .endsWith("deleting it and rebuilding it from the posts folder");
        });
    }

    @Test
    void newIndexIsWrittenBeforeTheServerStarts() {
        start(Map.of(), context -> {
            assertThat(context.getBean(IndexStore.class).kept()).isFalse();
            assertThat(context.getBean(ContentWatcher.class).catchingUp()).isFalse();
        }, context -> assertThat(titles(context)).containsOnly(
                entry(file("2025-01-10-alpha.md"), "Alpha"), entry(file("2025-02-20-beta.md"), "Beta")));
    }

    @Test
    void keptIndexIsServedAtOnceAndCaughtUpInTheBackground() throws IOException {
        start(Map.of(), context -> { });
        site.post("2025-02-20-beta.md", "title: Beta, edited\ndate: 2025-02-20\ntags: [Two]\n", "Beta.\n");
        Files.delete(site.posts().resolve("2025-01-10-alpha.md"));
        site.post("2025-03-30-gamma.md", "title: Gamma\ndate: 2025-03-30\n", "Written while the site was down.\n");

        start(Map.of(), context -> {
            assertThat(context.getBean(IndexStore.class).kept()).isTrue();
            assertThat(context.getBean(ContentWatcher.class).catchUpInBackground()).isTrue();
        }, context -> assertThat(titles(context)).containsOnly(
                entry(file("2025-02-20-beta.md"), "Beta, edited"), entry(file("2025-03-30-gamma.md"), "Gamma")));
        assertThat(log.list).isEmpty();
    }

    @Test
    void indexWithoutPostsIsWrittenBeforeTheServerStarts() throws IOException {
        Path held = TestSite.tempFolder("essayist-held");
        try (var files = Files.list(site.posts())) {
            for (Path post : files.toList()) {
                Files.move(post, held.resolve(post.getFileName()));
            }
        }
        start(Map.of(), context -> assertThat(titles(context)).isEmpty());
        try (var files = Files.list(held)) {
            for (Path post : files.toList()) {
                Files.move(post, site.posts().resolve(post.getFileName()));
            }
        }

        start(Map.of(), context -> assertThat(context.getBean(IndexStore.class).kept()).isFalse(),
                context -> assertThat(titles(context)).hasSize(2));
    }

    /** Starts Essayist on the file index, lets it index, runs {@code check}, and stops it. */
    private void start(Map<String, String> extra, Consumer<ApplicationContext> check) {
        start(extra, context -> { }, check);
    }

    /**
     * Starts the server on the file index, runs {@code atStart} as soon as it has started, waits
     * for the start-up reindex (which may run in the background), runs {@code check}, and stops it.
     */
    private void start(Map<String, String> extra, Consumer<ApplicationContext> atStart,
                       Consumer<ApplicationContext> check) {
        Map<String, Object> props = new HashMap<>(site.properties());
        props.put("datasources.default.url", "jdbc:h2:file:" + indexDir.resolve("index"));
        props.putAll(extra);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            ApplicationContext context = server.getApplicationContext();
            atStart.accept(context);
            ContentWatcher watcher = context.getBean(ContentWatcher.class);
            Await.until(Duration.ofSeconds(20), "the catch-up reindex", () -> !watcher.catchingUp());
            check.accept(context);
        }
    }

    /** Changes every row behind the indexer's back: a row still "Stale" later was not rewritten. */
    private static void markEveryRowStale(ApplicationContext context) {
        sql(context, "UPDATE post SET title = 'Stale'");
    }

    private static void sql(ApplicationContext context, String statement) {
        TransactionOperations<Connection> tx = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
        tx.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(statement)) {
                return update.executeUpdate();
            }
        });
    }

    private static Map<String, String> titles(ApplicationContext context) {
        Map<String, String> titles = new HashMap<>();
        context.getBean(PostRepository.class).findAll().forEach(p -> titles.put(p.sourcePath(), p.title()));
        return titles;
    }

    private String file(String name) {
        return site.posts().resolve(name).toString();
    }

}
