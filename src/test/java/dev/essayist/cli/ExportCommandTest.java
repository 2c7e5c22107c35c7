package dev.essayist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import dev.essayist.TestSite;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** {@code export} through picocli's API, as a deploy script would run it. */
class ExportCommandTest {

    /** What one run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    private static Run export(String... args) {
        return run("export", args);
    }

    private static Run run(String command, String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        try (ApplicationContext cli = ApplicationContext.builder(Environment.CLI, Environment.TEST).start()) {
            int status = Cli.execute(cli, new PrintWriter(stdout), new PrintWriter(stderr), all);
            return new Run(status, stdout.toString(), stderr.toString());
        }
    }

    @Test
    void exportsTheSiteForAnotherBaseUrlAndExitsZero() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\naliases: [/old/alpha]\n",
                "Alpha links to [beta](/posts/beta).\n");
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\n", "Beta.\n");
        site.post("2025-03-01-draft.md", "title: Draft\ndate: 2025-03-01\ndraft: true\n", "Not yet.\n");
        Path out = TestSite.tempFolder("export");
        Run run = export(out.toString(), "--base-url", "https://cdn.example.org", "--posts", site.posts().toString(),
                "--static", site.statics().toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Exported ").contains("(1 redirects, 0 unchanged)")
                .contains("for https://cdn.example.org");
        assertThat(out.resolve("posts/alpha/index.html")).exists();
        assertThat(out.resolve("posts/draft/index.html")).doesNotExist();
        assertThat(Jsoup.parse(Files.readString(out.resolve("posts/alpha/index.html")))
                .selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://cdn.example.org/posts/alpha");
        Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(
                Files.readString(out.resolve("feed.xml")))));
        assertThat(channel.getItems()).extracting(i -> i.getLink())
                .containsExactly("https://cdn.example.org/posts/beta", "https://cdn.example.org/posts/alpha");
        assertThat(Files.readAllLines(out.resolve("_redirects"))).containsExactly("/old/alpha /posts/alpha 301");
    }

    /** The issue "A moved blog keeps its look, its images and every old URL": check said 0 problems, export refused. */
    @Test
    void agreesWithCheckOnBrokenAndAliasedLinksAndWritesEveryPage() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\naliases: [/2019/05/alpha]\n", "Alpha.\n");
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\n",
                "Beta cites [the old address](/2019/05/alpha) and [a lost essay](/posts/lost).\n");
        String[] folders = {"--posts", site.posts().toString(), "--static", site.statics().toString()};
        Run check = run("check", folders);
        Path out = TestSite.tempFolder("export");
        Run export = export(out.toString(), folders[0], folders[1], folders[2], folders[3]);

        List<String> checkProblems = problemLines(check.out());
        assertThat(checkProblems).containsExactly(site.posts().resolve("2025-02-20-beta.md")
                + ":5: warning: link '/posts/lost': no essay, alias or static file has the address '/posts/lost'");
        assertThat(problemLines(export.out())).isEqualTo(checkProblems);
        assertThat(export.status()).as(export.err()).isZero().isEqualTo(check.status());
        assertThat(export.out()).contains(": 0 errors, 1 warning.");
        assertThat(export.err()).contains("/posts/lost (404)");
        for (String page : new String[] {"index.html", "posts/alpha/index.html", "posts/beta/index.html", "feed.xml",
                "sitemap.xml", "2019/05/alpha/index.html"}) {
            assertThat(out.resolve(page)).as(page).isRegularFile();
        }
        assertThat(Jsoup.parse(Files.readString(out.resolve("posts/beta/index.html")))
                .select(".prose a").eachAttr("href")).containsExactly("/2019/05/alpha", "/posts/lost");

        Run strictCheck = run("check", "--strict", folders[0], folders[1], folders[2], folders[3]);
        Run strictExport = export(TestSite.tempFolder("export").toString(), "--strict", folders[0], folders[1],
                folders[2], folders[3]);
        assertThat(strictCheck.status()).isEqualTo(1);
        assertThat(strictExport.status()).isEqualTo(1);
    }

    @Test
    void anErrorLeavesItsFileOutAndExitsOneLikeCheckButTheSiteIsWritten() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\n", "Alpha.\n");
        site.post("2025-02-20-broken.md", "title: Broken\ndate: 2025-13-01\n", "Broken.\n");
        String[] folders = {"--posts", site.posts().toString(), "--static", site.statics().toString()};
        Run check = run("check", folders);
        Path out = TestSite.tempFolder("export");
        Run export = export(out.toString(), folders[0], folders[1], folders[2], folders[3]);
        assertThat(problemLines(check.out())).hasSize(1).first().asString().contains("2025-02-20-broken.md:3: error: ");
        assertThat(problemLines(export.out())).isEqualTo(problemLines(check.out()));
        assertThat(check.status()).isEqualTo(1);
        assertThat(export.status()).isEqualTo(1);
        assertThat(out.resolve("posts/alpha/index.html")).isRegularFile();
    }

    @Test
    void exportingAgainRewritesOnlyTheFilesWhoseBytesChanged() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\n", "Alpha.\n");
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\n", "Beta.\n");
        Path out = TestSite.tempFolder("export");
        String[] args = {out.toString(), "--posts", site.posts().toString(), "--static", site.statics().toString()};
        assertThat(export(args).status()).isZero();
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Path archive = out.resolve("archive/index.html");
        Path alpha = out.resolve("posts/alpha/index.html");
        Files.setLastModifiedTime(archive, before);
        Files.setLastModifiedTime(alpha, before);
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\n", "Alpha, revised.\n");
        Run again = export(args);
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(alpha)).isNotEqualTo(before);
        assertThat(Jsoup.parse(Files.readString(alpha)).selectFirst(".prose p").text()).isEqualTo("Alpha, revised.");
        assertThat(again.out()).containsPattern("\\(0 redirects, [1-9][0-9]* unchanged\\)");
    }

    /** @return the compiler-style problem lines of a command's output ({@code file:line: severity: ...}) */
    private static List<String> problemLines(String out) {
        return out.lines().filter(l -> l.matches("^.+:\\d+: (error|warning): .*")).toList();
    }

    @Test
    void missingPostsFolderFailsWithOneLine() throws Exception {
        Path out = TestSite.tempFolder("export");
        Run run = export(out.toString(), "--posts", out.resolve("no-such-folder").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: export failed: ").contains("no-such-folder");
    }
}
