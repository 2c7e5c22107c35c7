package dev.essayist.cli;

import dev.essayist.content.ContentIndexer;
import dev.essayist.content.ContentProblem;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export DIR [--base-url URL] [--posts DIR] [--static DIR]}: writes the whole public site
 * as static files for a CDN or bucket ({@link StaticExport}). It starts the real server on a
 * loopback port with a private in-memory index (never the running server's index file, never
 * preview mode), asks it for every URL, and stops it. Exits 0 when the site was written and
 * every post was published, 1 when a file had an error (it was left out, as the server would)
 * or the export failed.
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
        props.put("datasources.default.url", "jdbc:h2:mem:export-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        long start = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            List<ContentProblem> problems = context.getBean(ContentIndexer.class).problems();
            problems.forEach(stderr::println);
            StaticExport.Result result = new StaticExport(server.getURI(), base).export(out, staticDir,
                    context.getBean(AliasRepository.class).findPublishedAliases(context.getBean(Clock.class).instant()));
            long errors = problems.stream().filter(p -> p.severity() == ContentProblem.Severity.ERROR).count();
            stdout.printf("Exported %d files (%d alias redirects) to %s for %s in %d ms%s.%n", result.files().size(),
                    result.redirects(), out, base, (System.nanoTime() - start) / 1_000_000,
                    errors > 0 ? "; " + errors + " files with errors were left out" : "");
            return errors > 0 ? 1 : 0;
        } catch (IOException | IllegalStateException e) {
            stderr.println("error: export failed: " + e.getMessage());
            return 1;
        }
    }
}
