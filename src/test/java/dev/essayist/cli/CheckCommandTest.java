package dev.essayist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.HostileAbout;
import dev.essayist.TestSite;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code check} through picocli's API: its lines, its summary and its exit status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckCommandTest {

    private ApplicationContext context;

    @BeforeAll
    void start() {
        context = ApplicationContext.builder(Environment.CLI, Environment.TEST).start();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    private Run check(TestSite site, String... extra) {
        return check(context, site, extra);
    }

    private static Run check(ApplicationContext context, TestSite site, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "check";
        args[1] = "--posts=" + site.posts();
        args[2] = "--static=" + site.statics();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return run(context, args);
    }

    private Run run(String... args) {
        return run(context, args);
    }

    private static Run run(ApplicationContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void filesThatAreNotPostsAreListedWithTheirReason() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-01-good.md", "title: Good\ndate: 2025-01-01\n", "Fine.\n");
        Files.write(site.posts().resolve("photo.png"), new byte[] {1, 2, 3});
        site.write("_index.md", "---\ntitle: Posts\n---\nA section's list page.\n");
        Run run = check(site);
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(site.posts().resolve("_index.md") + ": skipped: a section's list page (Hugo's _index.md), not a post")
                .contains(site.posts().resolve("photo.png") + ": skipped: not a post (posts end in .md, .markdown or .html;")
                .contains("0 errors, 0 warnings, 2 skipped.");
    }

    @Test
    void errorsArePrintedCompilerStyleAndExitOne() {
        TestSite site = TestSite.create();
        site.post("2025-01-01-good.md", "title: Good\ndate: 2025-01-01\n", "See [nothing](/posts/nothing).\n");
        site.post("2025-01-02-bad.md", "title: Bad\ndate: 2025-01-32\n", "Body.\n");
        Run run = check(site);
        assertThat(run.status()).isEqualTo(1);
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(site.posts().resolve("2025-01-01-good.md")
                + ":5: warning: link '/posts/nothing': no essay, alias or static file has the address '/posts/nothing'");
        assertThat(lines[1]).isEqualTo(site.posts().resolve("2025-01-02-bad.md")
                + ":3: error: 'date' is not a date: \"2025-01-32\" (use ISO-8601, e.g. 2025-03-14 or 2025-03-14T09:00:00-05:00)");
        assertThat(lines[2]).matches("Checked 2 files in \\d+ ms: 1 error, 1 warning\\.");
    }

    @Test
    void diagramAndTexErrorsFailTheCheckAtTheirLinesAndMermaidIsAWarning() {
        TestSite site = TestSite.create();
        site.post("2025-01-01-tech.md", "title: Tech\ndate: 2025-01-01\n", """
                Intro.

                ```plantuml
                Alice -> Bob: hi
                this is ( not plantuml
                ```

                A $\\frca{1}$ formula.

                ```mermaid
                graph TD
                ```
                """);
        Run run = check(site);
        assertThat(run.status()).isEqualTo(1);
        String file = site.posts().resolve("2025-01-01-tech.md").toString();
        assertThat(run.out().split("\n")).contains(
                file + ":9: error: diagram error: Syntax Error? (Assumed diagram type: sequence)",
                file + ":12: error: TeX error: Undefined control sequence: \\frca at position 1: \\frca{1}")
                .anyMatch(line -> line.startsWith(file + ":14: warning: a mermaid diagram is shown as code"));
    }

    @Test
    void staticFilesOfTheThemeCountAndTheFoldersAreFoundAtTheRoot() {
        TestSite site = TestSite.create();
        site.staticFile("img/chart.png", new byte[] {1});
        site.post("2025-01-01-moved.md", "title: Moved\ndate: 2025-01-01\naliases: [/2024/old]\n", """
                ![chart](/img/chart.png) ![gone](/img/gone.png)
                [feed](/feed.xml) [tag](/tags/x) [icon](/favicon.ico) [css](/static/css/site.css) [js](/static/js/site.js)
                [old](/2024/old/) [nowhere](/nowhere) [theme file, wrong folder](/static/js/nope.js)
                """);
        Run run = check(site);
        String file = site.posts().resolve("2025-01-01-moved.md").toString();
        assertThat(run.out().lines().filter(l -> l.contains(": warning: "))).containsExactly(
                file + ":6: warning: image '/img/gone.png': no essay, alias or static file has the address '/img/gone.png'",
                file + ":8: warning: link '/nowhere': no essay, alias or static file has the address '/nowhere'",
                file + ":8: warning: link '/static/js/nope.js': no such file under the static folder");
    }

    @Test
    void warningsAloneExitZeroUnlessStrict() {
        TestSite site = TestSite.create();
        site.post("2025-01-01-good.md", "title: Good\ndate: 2025-01-01\nsumary: typo\n", "Body.\n");
        Run lenient = check(site);
        assertThat(lenient.status()).isZero();
        assertThat(lenient.out()).contains(":4: warning: unknown key 'sumary'; did you mean 'summary'?")
                .containsPattern("Checked 1 files in \\d+ ms: 0 errors, 1 warning\\.");
        assertThat(check(site, "--strict").status()).isEqualTo(1);
    }

    @Test
    void cleanSiteExitsZero() {
        TestSite site = TestSite.create();
        site.post("2025-01-01-good.md", "title: Good\ndate: 2025-01-01\n", "## Part\n\nSee [part](#part).\n");
        Run run = check(site);
        assertThat(run.status()).isZero();
        assertThat(run.out()).matches("Checked 1 files in \\d+ ms: 0 errors, 0 warnings\\.\n");
    }

    @Test
    void refusedAboutPageUrlsAreWarningsWithFileAndLine() {
        TestSite site = TestSite.create();
        site.post("2025-01-01-good.md", "title: Good\ndate: 2025-01-01\n", "Body.\n");
        Path about = site.write("pages/about.md", HostileAbout.TEXT);
        // A context of its own: the command bean keeps --strict from an earlier run in a shared one.
        try (ApplicationContext fresh = ApplicationContext.builder(Environment.CLI, Environment.TEST).start()) {
            Run run = check(fresh, site);
            assertThat(run.status()).isZero();
            assertThat(run.out()).contains(about + ":15: warning: link 'Script': URL 'javascript:alert(44)' is refused"
                            + " (allowed: a path, or a URL with scheme http, https or mailto); the link is left out\n")
                    .contains(about + ":19: warning: link 'Tab': URL 'java\\u0009script:alert(1)' is refused")
                    .contains(about + ":23: warning: link 'Decimal': URL 'java&#115;cript:alert(1)' is refused")
                    .containsPattern("Checked 2 files in \\d+ ms: 0 errors, 7 warnings\\.");
            assertThat(check(fresh, site, "--strict").status()).isEqualTo(1);
        }
    }

    @Test
    void missingFolderIsAnErrorNamingIt() throws IOException {
        TestSite site = TestSite.create();
        Files.delete(site.posts().resolve("pages"));
        Files.delete(site.posts());
        Run run = check(site);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: posts folder '" + site.posts() + "' does not exist");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run run = run("publish");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'publish'").contains("check").contains("new");
    }
}
