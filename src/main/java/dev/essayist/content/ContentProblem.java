package dev.essayist.content;

import java.util.Comparator;

/**
 * One thing wrong with a content file, located like a compiler diagnostic.
 *
 * <p>{@link #toString()} gives the one-line form used in the log, by {@code check} and on the
 * health endpoint: {@code posts/x.md:12: error: 'date' is not a date: "2025-13-01"}.
 *
 * @param file     the file as the author knows it, relative to the working directory where possible
 * @param line     1-based line in that file, or 0 when the problem concerns the whole file
 * @param severity whether the file is left out ({@link Severity#ERROR}) or published anyway
 * @param message  what is wrong, in words an author can act on
 */
@io.micronaut.serde.annotation.Serdeable
public record ContentProblem(String file, int line, Severity severity, String message) {

    /** Problems in reading order: by file, then line. */
    public static final Comparator<ContentProblem> ORDER =
            Comparator.comparing(ContentProblem::file).thenComparingInt(ContentProblem::line);

    /** How serious a problem is. */
    public enum Severity {
        /**
         * The file is not published (its last good version, if any, stays online); or a block of a
         * published file could not be rendered (a diagram or formula with an error), and is shown
         * as its source. Either way {@code check} fails.
         */
        ERROR,
        /** The file is published; the author should still look. */
        WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static ContentProblem error(String file, int line, String message) {
        return new ContentProblem(file, line, Severity.ERROR, message);
    }

    static ContentProblem warning(String file, int line, String message) {
        return new ContentProblem(file, line, Severity.WARNING, message);
    }

    /** @return {@code file:line: severity: message}, the line omitted when it is 0 */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.label() + ": " + message;
    }
}
