package dev.essayist.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Published after every reindex, once its rows are committed (or its write failed) and its search
 * index is published: anything derived from the index (cached responses) must follow it. When the
 * reindex wrote, it follows a {@code ContentChanging}; when the write failed and rolled back,
 * {@code files} is empty.
 *
 * <p>It also carries the schedule of the committed index: every instant after the reindex at
 * which the set of published essays changes by itself, with no file event (a scheduled essay
 * comes due, an expiring one goes). A cache of rendered pages must drop them at each of these
 * instants (design invariant 5); it needs no query of its own to know when.
 *
 * @param files the files whose rows were written or removed, as authors name them; empty when the
 *              reindex changed nothing (or its write failed)
 * @param due   the instants after the reindex at which the published set changes, ascending,
 *              without duplicates; empty when nothing is scheduled
 */
public record ContentChanged(Set<String> files, List<Instant> due) {

    /**
     * @param files the files whose rows were written or removed
     * @param due   the schedule, see the record's description
     */
    public ContentChanged {
        files = Set.copyOf(files);
        due = List.copyOf(due);
    }

    /**
     * @param files the files whose rows were written or removed
     * @return the event with an empty schedule (tests, and a write that rolled back)
     */
    public static ContentChanged of(Set<String> files) {
        return new ContentChanged(files, List.of());
    }

    /** @return whether any file's rows were written or removed */
    public boolean wrote() {
        return !files.isEmpty();
    }
}
