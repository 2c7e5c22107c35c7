package dev.essayist.cli;

import dev.essayist.content.ContentIndexer;
import dev.essayist.site.SiteConfig;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check [--posts DIR] [--static DIR] [--strict]}: indexes the posts into a private
 * in-memory index exactly as the server does (same reader, same cross-file and link checks),
 * prints every problem as a compiler-style line ({@code path:line: error|warning: message}) and a
 * summary, and exits 1 when there is an error (with {@code --strict}, also a warning), else 0.
 */
@Singleton
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate every post, page, internal link and anchor; exit 1 on any error.")
final class CheckCommand implements Subcommand {

    private final SiteConfig site;

    @Spec
    CommandSpec spec;

    @Option(names = "--posts", paramLabel = "DIR", description = "the posts folder (default: essayist.posts-dir)")
    Path posts;

    @Option(names = "--static", paramLabel = "DIR", description = "the static folder images are checked against (default: essayist.static-dir)")
    Path statics;

    @Option(names = "--strict", description = "exit 1 on warnings too")
    boolean strict;

    CheckCommand(SiteConfig site) {
        this.site = site;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path postsDir = posts != null ? posts : site.posts();
        Path staticDir = statics != null ? statics : site.statics();
        try (ApplicationContext index = IndexContext.start(postsDir, staticDir)) {
            ContentIndexer indexer = index.getBean(ContentIndexer.class);
            ContentIndexer.Report report;
            try {
                report = indexer.reindex();
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
            Problems problems = new Problems(indexer.problems());
            problems.print(out);
            // Files of the posts folder that are not posts are named, never silently passed over.
            indexer.skipped().forEach(out::println);
            out.printf("Checked %d files in %d ms: %s%s.%n", report.files(), report.took().toMillis(), problems.counts(),
                    indexer.skipped().isEmpty() ? "" : ", " + indexer.skipped().size() + " skipped");
            return problems.status(strict);
        }
    }
}
