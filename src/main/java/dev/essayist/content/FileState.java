package dev.essayist.content;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What one reindex learned of one content file, as JBake's {@code DocumentStatus} names a source's
 * states: its bytes are those already indexed, it parsed, or it failed.
 */
sealed interface FileState permits FileState.Unchanged, FileState.Parsed, FileState.Failed {

    /** @return the file, as authors name it */
    String file();

    /** @return problems found in the file this time; none for an unchanged file */
    List<ContentProblem> problems();

    /**
     * The file's SHA-256 is the one indexed: its rows are current, and it is not read further.
     *
     * @param file the file
     * @param hash its SHA-256
     */
    record Unchanged(String file, String hash) implements FileState {
        @Override
        public List<ContentProblem> problems() {
            return List.of();
        }
    }

    /**
     * The file parsed; its rows are written unless its identity conflicts with another file's.
     *
     * @param file    the file
     * @param content the parsed post or page
     */
    record Parsed(String file, ParsedFile content) implements FileState {
        @Override
        public List<ContentProblem> problems() {
            return content.warnings();
        }
    }

    /**
     * The file cannot be published; its last good rows, if any, stay (design.md invariant 3).
     *
     * @param file     the file
     * @param hash     its SHA-256 when the failure is in its bytes (it is then not read again until
     *                 they change), {@code null} when it may pass without a change (a conflict with
     *                 another file, an I/O error)
     * @param problems at least one error, with file, line and reason
     */
    record Failed(String file, @Nullable String hash, List<ContentProblem> problems) implements FileState {
    }
}
