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
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** {@code export} through picocli's API, as a deploy script would run it. */
class ExportCommandTest {

    /** What one run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    private static Run export(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "export";
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
        assertThat(run.out()).startsWith("Exported ").contains("(1 alias redirects)")
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

    @Test
    void missingPostsFolderFailsWithOneLine() throws Exception {
        Path out = TestSite.tempFolder("export");
        Run run = export(out.toString(), "--posts", out.resolve("no-such-folder").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: export failed: ").contains("no-such-folder");
    }
}
