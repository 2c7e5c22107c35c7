package dev.essayist.content;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current problems of the posts folder, the one list the log, {@code check}, {@code /health}
 * and the metrics read: each file's problems from the last time it was read, and the site's broken
 * internal links from the last link check. Also remembers the hash of each file that failed, so an
 * unchanged broken file is neither read nor reported again. Written by one reindex at a time.
 */
final class ContentProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ContentIndexer.class);

    private final Map<String, List<ContentProblem>> byFile = new ConcurrentHashMap<>();
    private final Map<String, String> failedHashes = new ConcurrentHashMap<>();
    private volatile List<ContentProblem> links = List.of();
    /** Why the last reindex failed as a whole, or {@code null} when it succeeded. */
    private volatile String failure;

    /**
     * @param reason why the last reindex failed as a whole (the site serves the index before it),
     *               or {@code null} once a reindex succeeds
     */
    void failure(@Nullable String reason) {
        failure = reason;
    }

    /**
     * Records and logs a reindex that failed as a whole: with its trace the first time, in one line
     * while the same reason repeats (a retry on a still-full disk).
     *
     * @param posts the posts folder
     * @param e     the failure
     */
    void failed(java.nio.file.Path posts, Throwable e) {
        String reason = rootCause(e);
        boolean repeated = reason.equals(failure);
        failure = reason;
        if (repeated) {
            LOG.warn("Indexing {} failed again ({}); still serving the last good index", posts, reason);
        } else {
            LOG.error("Indexing {} failed ({}); the site keeps serving the last good index, and the next change"
                    + " or retry indexes again", posts, reason, e);
        }
    }

    /** @return why the last reindex failed, if it did */
    java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /**
     * @param file a content file
     * @return the SHA-256 of its bytes when it last failed on them, else {@code null}
     */
    @Nullable
    String failedHash(String file) {
        return failedHashes.get(file);
    }

    /**
     * Takes a file's warnings as stored with its rows, unless it has been read in this process.
     *
     * @param file     an indexed file
     * @param warnings its stored warnings
     */
    void restore(String file, List<ContentProblem> warnings) {
        if (!warnings.isEmpty()) {
            byFile.putIfAbsent(file, List.copyOf(warnings));
        }
    }

    /**
     * Records what a reindex found in the files it read, and forgets files no longer on disk.
     *
     * @param states the files' states
     * @param onDisk every content file now on disk
     * @return the problems found in the files read this time
     */
    List<ContentProblem> record(Collection<FileState> states, Set<String> onDisk) {
        byFile.keySet().removeIf(file -> !onDisk.contains(file));
        failedHashes.keySet().removeIf(file -> !onDisk.contains(file));
        List<ContentProblem> found = new ArrayList<>();
        for (FileState state : states) {
            if (state instanceof FileState.Unchanged) {
                continue;
            }
            byFile.put(state.file(), state.problems());
            found.addAll(state.problems());
            if (state instanceof FileState.Failed failed && failed.hash() != null) {
                failedHashes.put(state.file(), failed.hash());
            } else {
                failedHashes.remove(state.file());
            }
        }
        return found;
    }

    /**
     * @param now the broken links of the whole site, as the link check found them just now
     * @return those that were not broken before
     */
    List<ContentProblem> replaceLinks(List<ContentProblem> now) {
        List<ContentProblem> previous = links;
        links = List.copyOf(now);
        return now.stream().filter(p -> !previous.contains(p)).toList();
    }

    /**
     * Logs problems as compiler-style lines: errors at ERROR, warnings at WARN.
     *
     * @param problems problems in file and line order
     */
    static void log(List<ContentProblem> problems) {
        for (ContentProblem problem : problems) {
            if (problem.severity() == ContentProblem.Severity.ERROR) {
                LOG.error("{}", problem);
            } else {
                LOG.warn("{}", problem);
            }
        }
    }

    /**
     * @param e a failure
     * @return its innermost cause's class and first line of message: what an operator can act on,
     *         such as {@code IOException: No space left on device}
     */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    /** @return every current problem, in file and line order */
    List<ContentProblem> all() {
        return Stream.concat(byFile.values().stream().flatMap(List::stream), links.stream())
                .sorted(ContentProblem.ORDER).toList();
    }
}
