package dev.essayist.cli;

import dev.essayist.content.ContentIndexer;
import dev.essayist.post.AliasRepository;
import dev.essayist.site.SiteConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export DIR [--base-url URL] [--posts DIR] [--static DIR] [--strict]}: writes the whole
 * public site as static files for a CDN or bucket ({@link StaticExport}). It starts the real server
 * on a loopback port with a private in-memory index (never the running server's index file, never
 * preview mode, no response cache: each page is fetched once), asks it for every URL, and stops it.
 *
 * <p>It agrees with {@code check}: it prints the same problems in the same compiler-style lines and
 * exits with the same status (1 if a file has an error, which leaves that file out as the server
 * would; with {@code --strict}, also on a warning such as a broken link), and writes the site in
 * every case. A linked path that answers no page (a broken link, which {@code check} reports as a
 * warning) is listed on standard error and not written. Exits 1 also when the export itself fails.
 */
@Singleton
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the public site as static files: pages, feeds, sitemap, 404.html, static/, _redirects.")
final class ExportCommand implements Subcommand {

    private final SiteConfig site;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the output folder (created if missing)")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "absolute URL the exported site will be served at (default: essayist.base-url)")
    String baseUrl;

    @Option(names = "--posts", paramLabel = "DIR", description = "the posts folder (default: essayist.posts-dir)")
    Path posts;

    @Option(names = "--static", paramLabel = "DIR", description = "the static folder (default: essayist.static-dir)")
    Path statics;

    @Option(names = "--strict", description = "exit 1 on warnings too, as check --strict does")
    boolean strict;

    ExportCommand(SiteConfig site) {
        this.site = site;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path postsDir = posts != null ? posts : site.posts();
        Path staticDir = statics != null ? statics : site.statics();
        String base = baseUrl != null ? baseUrl : site.baseUrl();
        Map<String, Object> props = new HashMap<>();
        props.put("essayist.posts-dir", postsDir.toString());
        props.put("essayist.static-dir", staticDir.toString());
        props.put("essayist.base-url", base);
        props.put("essayist.preview", false);
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("micronaut.server.port", -1);
        props.put("micronaut.io.watch.enabled", false);
        // Each URL is fetched once: storing (and gzipping) every page in the response cache is waste.
        props.put("essayist.cache.enabled", false);
        props.put("datasources.default.url", "jdbc:h2:mem:export-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        long start = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            Problems problems = new Problems(context.getBean(ContentIndexer.class).problems());
            problems.print(stdout);
            StaticExport.Result result = new StaticExport(server.getURI(), base).export(out, staticDir,
                    context.getBean(AliasRepository.class).findPublishedAliases(context.getBean(Clock.class).instant()));
            if (!result.unreachable().isEmpty()) {
                stderr.println("note: " + result.unreachable().size() + " linked paths answer no page and were not written: "
                        + String.join(", ", result.unreachable()));
            }
            stdout.printf("Exported %d files (%d redirects, %d unchanged) to %s for %s in %d ms: %s.%n",
                    result.files().size(), result.redirects(), result.unchanged(), out, base,
                    (System.nanoTime() - start) / 1_000_000, problems.counts());
            return problems.status(strict);
        } catch (IOException | IllegalStateException e) {
            stderr.println("error: export failed: " + e.getMessage());
            return 1;
        }
    }
}
