package dev.essayist;

import dev.essayist.cli.Cli;
import dev.essayist.content.PostsFolderException;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of the jar: without a command it serves the site; with one ({@code check},
 * {@code new}, ...; see {@link Cli}) it runs that command and exits with its status.
 */
public class Application {

    /** Exit status when the posts folder is missing or unreadable. */
    static final int EXIT_NO_POSTS = 1;

    /**
     * @param args nothing or Micronaut options ({@code -Dx=y}, {@code --x=y}) to serve; a command
     *             name and its arguments to run a command
     */
    public static void main(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || java.util.Set.of("-h", "--help", "-V", "--version").contains(args[0]))) {
            System.exit(Cli.run(args));
        }
        try {
            Micronaut micronaut = Micronaut.build(args).mainClass(Application.class)
                    // Exit code 0 here stops Micronaut logging the error with its stack trace and
                    // exiting; it rethrows instead, and the catch below says it in one line.
                    .mapError(PostsFolderException.class, e -> 0);
            // No bootstrap.yml and no distributed configuration: skip looking for a bootstrap
            // property source locator among every bean definition (~150 ms of start-up).
            micronaut.bootstrapEnvironment(false);
            micronaut.start();
        } catch (ApplicationStartupException e) {
            if (e.getCause() instanceof PostsFolderException noPosts) {
                LoggerFactory.getLogger(Application.class).error("Cannot start: {}", noPosts.getMessage());
                System.exit(EXIT_NO_POSTS);
            }
            throw e;
        }
    }
}
