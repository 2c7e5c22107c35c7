package dev.essayist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.ParsedPost;
import dev.essayist.content.PostReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code new} through picocli's API, at a fixed time (18:30 UTC is 12:30 in Chicago). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewCommandTest {

    private ApplicationContext context;
    private final TestSite site = TestSite.create();

    @BeforeAll
    void start() {
        context = ApplicationContext.builder(Environment.CLI, Environment.TEST)
                .properties(Map.of("test.movable-clock", "2025-11-21T18:30:45Z")).start();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        return Cli.execute(context, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void writesAPostWithCompleteFrontMatterThatTheReaderAccepts() throws Exception {
        StringWriter out = new StringWriter();
        int status = run(out, new StringWriter(), "new", "Queues, \"Fair\" & Simple", "--tags", "Queues,PostgreSQL",
                "--posts", site.posts().toString());
        Path file = site.posts().resolve("2025-11-21-queues-fair-simple.md");
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("Created " + file + "\n");
        ParsedPost post = new PostReader(ZoneId.of("America/Chicago"), new MarkdownRenderer()).read(file, file.toString());
        assertThat(post.frontMatter().title()).isEqualTo("Queues, \"Fair\" & Simple");
        assertThat(post.frontMatter().date().toOffsetDateTime()).hasToString("2025-11-21T12:30-06:00");
        assertThat(post.frontMatter().tags()).containsExactly("Queues", "PostgreSQL");
        assertThat(post.frontMatter().draft()).isFalse();
        assertThat(post.slug()).isEqualTo("queues-fair-simple");
        assertThat(post.guid()).isEqualTo("2025-11-21-queues-fair-simple");
        assertThat(post.frontMatter().id()).isEqualTo("2025-11-21-queues-fair-simple");
        assertThat(post.frontMatter().aliases()).isEmpty();
        assertThat(post.warnings()).isEmpty();
    }

    @Test
    void draftFlagWritesADraft() throws Exception {
        int status = run(new StringWriter(), new StringWriter(), "new", "Half done", "--draft", "--posts", site.posts().toString());
        Path file = site.posts().resolve("2025-11-21-half-done.md");
        assertThat(status).isZero();
        assertThat(new PostReader(ZoneId.of("UTC"), new MarkdownRenderer()).read(file, "x").frontMatter().draft()).isTrue();
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path file = site.write("2025-11-21-taken.md", "---\ntitle: Mine\ndate: 2025-11-21\n---\nKeep me.\n");
        StringWriter err = new StringWriter();
        int status = run(new StringWriter(), err, "new", "Taken", "--posts", site.posts().toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: " + file + " already exists; not overwritten\n");
        assertThat(Files.readString(file)).isEqualTo("---\ntitle: Mine\ndate: 2025-11-21\n---\nKeep me.\n");
    }

    @Test
    void titleWithoutLettersIsRefused() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "new", "!!!", "--posts", site.posts().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("has no letter or digit");
    }
}
