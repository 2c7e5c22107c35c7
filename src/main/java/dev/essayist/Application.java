package dev.essayist;

import dev.essayist.cli.Cli;
import io.micronaut.runtime.Micronaut;

/**
 * The one entry point of the jar: without a command it serves the site; with one ({@code check},
 * {@code new}, ...; see {@link Cli}) it runs that command and exits with its status.
 */
public class Application {

    /**
     * @param args nothing or Micronaut options ({@code -Dx=y}, {@code --x=y}) to serve; a command
     *             name and its arguments to run a command
     */
    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(Cli.run(args));
        }
        Micronaut.run(Application.class, args);
    }
}
