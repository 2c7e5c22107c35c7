package dev.essayist.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the jar's commands with picocli (through {@code micronaut-picocli}) in an application
 * context of the {@code cli} environment: settings come from {@code application.yml} and
 * {@code application-cli.yml}, and no HTTP server, file watcher or index is started.
 */
@Command(name = "essayist", mixinStandardHelpOptions = true,
        description = "Essayist: serve essays (no command), or run a command.")
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs one command with the process's standard output and error.
     *
     * @param args the command name and its arguments, e.g. {@code check --posts posts}
     * @return the exit status (0 success, 1 failure, 2 usage error)
     */
    public static int run(String... args) {
        // Before the first logger exists: command output must not be interleaved with INFO logs.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        try (ApplicationContext context = ApplicationContext.builder(Environment.CLI).start()) {
            return execute(context, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        }
    }

    /**
     * Runs one command in a given context, writing to the given streams (tests use this).
     *
     * @param context a started context
     * @param out     standard output
     * @param err     standard error
     * @param args    the command name and its arguments
     * @return the exit status
     */
    public static int execute(ApplicationContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine.IFactory factory = new MicronautFactory(context);
        CommandLine line = new CommandLine(new Cli(), factory);
        context.getBeansOfType(Subcommand.class).forEach(line::addSubcommand);
        line.setOut(out);
        line.setErr(err);
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
