package dev.essayist.cli;

import java.util.concurrent.Callable;

/**
 * A command of the jar ({@code java -jar essayist.jar NAME ...}). To add one, write one class in
 * this package that implements this interface, carries picocli's {@code @Command(name = ...)}
 * and is a bean ({@code @Singleton}); {@link Cli} finds it. {@link #call()} returns the process
 * exit status: 0 for success, 1 for a failure the user must fix.
 */
interface Subcommand extends Callable<Integer> {
}
