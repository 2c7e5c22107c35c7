package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.search.EssaySearch;
import dev.essayist.search.SearchIndex;
import dev.essayist.search.SearchQuery;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restart on a kept index: unchanged files are only hashed, yet the link check, the files'
 * warnings and search are what a full read would give; a search index out of step with the rows
 * (a crash between the two commits, a deleted folder) is rebuilt from the rows.
 */
class KeptIndexTest {

    private final TestSite site = TestSite.create();
    private Path indexDir;

    @BeforeEach
    void setUp() throws IOException {
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\nsumary: typo\n",
                "## Alpha heading\n\nAlpha talks about wombats.\n");
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\n",
                "See [Alpha](/posts/alpha#alpha-heading), [nothing](/posts/alpha#nowhere) and [gone](/posts/gone).\n");
        site.post("2025-03-01-draft.md", "title: Draft\ndate: 2025-03-01\ndraft: true\n", "Draft wombats.\n");
        indexDir = TestSite.tempFolder("essayist-index");
    }

    @Test
    void restartOnUnchangedFilesReadsNoneAndReportsTheSameProblems() {
        List<String> first = start(context -> { });
        assertThat(first).containsExactly(
                file("2025-01-10-alpha.md") + ":4: warning: unknown key 'sumary'; did you mean 'summary'?",
                file("2025-02-20-beta.md") + ":5: warning: link '/posts/alpha#nowhere': essay '/posts/alpha' has no heading with the id 'nowhere'",
                file("2025-02-20-beta.md") + ":5: warning: link '/posts/gone': no essay, alias or static file has the address '/posts/gone'");

        assertThat(start(context -> { })).as("the same problems after a restart").isEqualTo(first);

        // Rows changed behind the indexer's back show that the unchanged files were not read again.
        start(context -> update(context, "UPDATE indexed_file SET warnings = REPLACE(warnings, 'did you mean', 'stored: did you mean'),"
                + " link_refs = REPLACE(link_refs, '/posts/gone', '/posts/stored')"));
        assertThat(start(context -> assertThat(titles(context, "wombats")).containsExactly("Alpha"))).containsExactly(
                file("2025-01-10-alpha.md") + ":4: warning: unknown key 'sumary'; stored: did you mean 'summary'?",
                file("2025-02-20-beta.md") + ":5: warning: link '/posts/alpha#nowhere': essay '/posts/alpha' has no heading with the id 'nowhere'",
                file("2025-02-20-beta.md") + ":5: warning: link '/posts/stored': no essay, alias or static file has the address '/posts/stored'");
    }

    @Test
    void aChangedFileIsReadAndCheckedAgainstTheStoredOnes() throws IOException {
        start(context -> { });
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\n", "## Nowhere\n\nAlpha, now about quokkas.\n");

        List<String> problems = start(context -> {
            assertThat(titles(context, "quokkas")).containsExactly("Alpha");
            assertThat(titles(context, "wombats")).isEmpty();
        });
        assertThat(problems).containsExactly(
                file("2025-02-20-beta.md") + ":5: warning: link '/posts/alpha#alpha-heading': essay '/posts/alpha' has no heading with the id 'alpha-heading'",
                file("2025-02-20-beta.md") + ":5: warning: link '/posts/gone': no essay, alias or static file has the address '/posts/gone'");
    }

    @Test
    void searchIndexOutOfStepWithTheRowsIsRebuiltFromThem() throws IOException {
        start(context -> { });
        // As if the process died after the row commit and before the search commit.
        // The title changes in the rows only, so a word found afterwards came from a rebuild.
        start(context -> {
            update(context, "UPDATE index_meta SET setting = 'another' WHERE name = '" + SearchIndex.STATE_ROW + "'");
            update(context, "UPDATE post SET title = 'Alpha and the numbats' WHERE slug = 'alpha'");
        });
        start(context -> {
            assertThat(titles(context, "numbats")).containsExactly("Alpha and the numbats");
            assertThat(titles(context, "wombats")).containsExactly("Alpha and the numbats");
        });

        deleteSearchFolder();
        start(context -> assertThat(titles(context, "wombats")).containsExactly("Alpha and the numbats"));
    }

    /**
     * Starts Essayist on the file index, indexes (the startup reindex, if it has not run yet, and
     * one more, which finds nothing to do), runs {@code check}, stops it.
     *
     * @return the problems after indexing
     */
    private List<String> start(Consumer<ApplicationContext> check) {
        Map<String, Object> props = new HashMap<>(site.properties());
        props.put("datasources.default.url", "jdbc:h2:file:" + indexDir.resolve("index"));
        props.put("essayist.search.index-dir", indexDir.resolve("search").toString());
        try (ApplicationContext context = ApplicationContext.run(props, "test")) {
            ContentIndexer indexer = context.getBean(ContentIndexer.class);
            indexer.reindex();
            List<String> problems = indexer.problems().stream().map(ContentProblem::toString).toList();
            check.accept(context);
            return problems;
        }
    }

    private static void update(ApplicationContext context, String sql) {
        TransactionOperations<Connection> tx = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
        tx.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(sql)) {
                return update.executeUpdate();
            }
        });
    }

    private static List<String> titles(ApplicationContext context, String words) {
        return context.getBean(EssaySearch.class).search(SearchQuery.parse(words), Instant.now(), 0, 10).hits().stream()
                .map(hit -> hit.title()).toList();
    }

    private void deleteSearchFolder() throws IOException {
        Path folder = indexDir.resolve("search");
        assertThat(folder).isDirectory();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private String file(String name) {
        return site.posts().resolve(name).toString();
    }
}
