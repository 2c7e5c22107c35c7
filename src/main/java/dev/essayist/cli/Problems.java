package dev.essayist.cli;

import dev.essayist.content.ContentProblem;
import java.io.PrintWriter;
import java.util.List;

/**
 * The content problems a command found, as {@code check} and {@code export} both report them: one
 * compiler-style line each ({@code path:line: error|warning: message}), a count for the summary,
 * and one exit status rule, so that the two commands always agree.
 *
 * @param all the problems, in file and line order
 */
record Problems(List<ContentProblem> all) {

    /** @param out where each problem's line goes */
    void print(PrintWriter out) {
        all.forEach(out::println);
    }

    long errors() {
        return all.stream().filter(p -> p.severity() == ContentProblem.Severity.ERROR).count();
    }

    long warnings() {
        return all.size() - errors();
    }

    /**
     * @param strict whether a warning fails too ({@code --strict})
     * @return 1 if there is an error (with {@code strict}, any problem), else 0
     */
    int status(boolean strict) {
        return errors() > 0 || (strict && warnings() > 0) ? 1 : 0;
    }

    /** @return e.g. {@code 1 error, 2 warnings} */
    String counts() {
        return plural(errors(), "error") + ", " + plural(warnings(), "warning");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
