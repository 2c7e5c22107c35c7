package dev.essayist.cli;

import dev.essayist.content.ContentCheck;
import dev.essayist.content.PostsFolderException;
import dev.essayist.site.SiteConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check [--posts DIR] [--static DIR] [--strict]}: reads the posts exactly as the server's
 * reindex does on a fresh index, without one ({@link ContentCheck}: same reader, same cross-file
 * and link checks; no database, search index or HTTP server), prints every problem as a compiler-style line ({@code path:line: error|warning: message}) and a
 * summary, and exits 1 when there is an error (with {@code --strict}, also a warning), else 0.
 */
@Singleton
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate every post, page, internal link and anchor; exit 1 on any error.")
final class CheckCommand implements Subcommand {

    private final SiteConfig site;
    private final BeanProvider<ContentCheck> content;

    @Spec
    CommandSpec spec;

    @Option(names = "--posts", paramLabel = "DIR", description = "the posts folder (default: essayist.posts-dir)")
    Path posts;

    @Option(names = "--static", paramLabel = "DIR", description = "the static folder images are checked against (default: essayist.static-dir)")
    Path statics;

    @Option(names = "--strict", description = "exit 1 on warnings too")
    boolean strict;

    CheckCommand(SiteConfig site, BeanProvider<ContentCheck> content) {
        this.site = site;
        this.content = content;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path postsDir = posts != null ? posts : site.posts();
        Path staticDir = statics != null ? statics : site.statics();
        boolean configured = postsDir.equals(site.posts()) && staticDir.equals(site.statics());
        ContentCheck.Result result;
        // Folders given as options are known only after parsing: a context of their own reads them.
        try (ApplicationContext folders = configured ? null : ApplicationContext.builder(Environment.CLI)
                .properties(Map.of("essayist.posts-dir", postsDir.toString(), "essayist.static-dir", staticDir.toString()))
                .start()) {
            result = (folders == null ? content.get() : folders.getBean(ContentCheck.class)).check();
        } catch (PostsFolderException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        Problems problems = new Problems(result.problems());
        problems.print(out);
        // Files of the posts folder that are not posts are named, never silently passed over.
        result.skipped().forEach(out::println);
        out.printf("Checked %d files in %d ms: %s%s.%n", result.files(), result.took().toMillis(), problems.counts(),
                result.skipped().isEmpty() ? "" : ", " + result.skipped().size() + " skipped");
        return problems.status(strict);
    }
}
