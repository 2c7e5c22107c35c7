package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.Await;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile files, written while the server runs (and one before it starts): each becomes that
 * file's named error, with its line where there is one, on {@code /health}, and the essays written
 * beside it are published live within the usual bound (design.md invariants 3 and 9).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesTest implements TestPropertyProvider {

    /** The usual second of live publishing, plus slack for a loaded CI machine. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Override
    public Map<String, String> getProperties() {
        // Present before the server starts: the start must not fail, and the good file is served.
        site.post("2025-01-01-nested.md", "title: Nested\ndate: 2025-01-01\n", ">".repeat(1000) + " x\n");
        site.post("2025-01-02-first.md", "title: First\ndate: 2025-01-02\n", "Served despite its neighbour.\n");
        Map<String, String> props = new HashMap<>(site.properties());
        props.put("micronaut.io.watch.enabled", "true");
        props.put("essayist.render-budget", "3s");
        return props;
    }

    private Http http() {
        return new Http(server.getURI());
    }

    /** Writes a hostile file and a good one together; the good one must appear, the hostile one be named. */
    private ContentProblem hostile(String name, String frontMatter, String body) {
        String good = "2026-01-01-good-beside-" + name.replaceAll("\\W", "");
        site.post(name + ".md", frontMatter, body);
        site.post(good + ".md", "title: Good\ndate: 2025-06-01\nslug: " + good.substring(11) + "\n", "Fine.\n");
        String file = site.posts().resolve(name + ".md").toString();
        Await.until(BOUND, "the good essay beside " + name + " is published",
                () -> http().get("/posts/" + good.substring(11)).statusCode() == 200);
        Await.until(BOUND, name + " is reported", () -> indexer.problems().stream().anyMatch(p -> p.file().equals(file)));
        return indexer.problems().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void aDeeplyNestedFileAtStartLeavesTheServerServingTheOthers() {
        assertThat(http().get("/posts/first").statusCode()).isEqualTo(200);
        assertThat(http().get("/posts/nested").statusCode()).isEqualTo(404);
        assertThat(indexer.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("2025-01-01-nested.md");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("nested 1000 levels deep");
        });
    }

    @Test
    void nestedListsAreNamedWithTheirLine() {
        ContentProblem problem = hostile("2025-02-01-lists", "title: Lists\ndate: 2025-02-01\n", "Intro.\n\n" + "- ".repeat(2000) + "x\n");
        assertThat(problem.severity()).isEqualTo(ContentProblem.Severity.ERROR);
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("nested 2000 levels deep");
    }

    @Test
    void emphasisTooDeepForTheStackIsNamed() {
        ContentProblem problem = hostile("2025-02-02-stars", "title: Stars\ndate: 2025-02-02\n", "*".repeat(100_000) + "x\n");
        assertThat(problem.message()).contains("nested too deeply to render");
        assertThat(http().get("/posts/stars").statusCode()).isEqualTo(404);
    }

    @Test
    void manyCharacterReferencesAreRefusedBeforeRendering() {
        ContentProblem problem = hostile("2025-02-03-amp", "title: Amp\ndate: 2025-02-03\n", "&amp;".repeat(300_000) + "\n");
        assertThat(problem.message()).contains("more than 5000 character references");
        assertThat(problem.line()).isEqualTo(5);
    }

    @Test
    void manyReferenceDefinitionsFootnotesAndOpenLinksAreRefused() {
        StringBuilder definitions = new StringBuilder();
        StringBuilder footnotes = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            definitions.append("[r").append(i).append("]: /u").append(i).append('\n');
            if (i < 50_000) {
                footnotes.append("x[^f").append(i).append("]\n\n[^f").append(i).append("]: note\n\n");
            }
        }
        assertThat(hostile("2025-02-04-defs", "title: Defs\ndate: 2025-02-04\n", definitions.toString()).message())
                .contains("more than 2000 link reference definitions");
        assertThat(hostile("2025-02-05-notes", "title: Notes\ndate: 2025-02-05\n", footnotes.toString()).message())
                .contains("more than 1000 footnote definitions");
        assertThat(hostile("2025-02-06-links", "title: Links\ndate: 2025-02-06\n", "[a](".repeat(200_000) + "\n").message())
                .contains("more than 5000 link destinations");
    }

    @Test
    void valuesLongerThanTheirColumnsAreNamedWithTheirLine() {
        ContentProblem title = hostile("2025-03-01-title", "title: " + "t".repeat(1500) + "\ndate: 2025-03-01\n", "Body.\n");
        assertThat(title.line()).isEqualTo(2);
        assertThat(title.message()).isEqualTo("'title' has a value of 1500 characters; the limit is 1024");
        ContentProblem tag = hostile("2025-03-02-tag", "title: Tag\ndate: 2025-03-02\ntags: [" + "x".repeat(300) + "]\n", "Body.\n");
        assertThat(tag.line()).isEqualTo(4);
        assertThat(tag.message()).contains("'tags'").contains("the limit is 255");
        ContentProblem slug = hostile("2025-03-03-slug", "title: Slug\ndate: 2025-03-03\nslug: " + "s".repeat(300) + "\n", "Body.\n");
        assertThat(slug.message()).contains("'slug'").contains("the limit is 255");
        ContentProblem alias = hostile("2025-03-04-alias", "title: Alias\ndate: 2025-03-04\naliases: [/" + "a".repeat(1100) + "]\n", "Body.\n");
        assertThat(alias.message()).contains("'aliases'").contains("the limit is 1024");
    }
}
