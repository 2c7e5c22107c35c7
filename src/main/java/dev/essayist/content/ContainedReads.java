package dev.essayist.content;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads many files in parallel, each contained (design.md invariant 9): on a thread with a deep
 * stack ({@link #STACK_BYTES}), so that legitimately nested Markdown renders, and within a time
 * budget from its own start, so that a file no limit foresaw cannot hold the reindex: past the
 * budget the file becomes its own {@link FileState.Failed} ("rendering took longer than ..."),
 * the reindex goes on, and the thread still reading it stops counting against the parallelism
 * (it cannot be stopped; it ends when the render does). At most one read per core runs at a time.
 */
final class ContainedReads implements AutoCloseable {

    /** Stack of each reading thread: flexmark and jsoup recurse once per level of nesting. */
    static final long STACK_BYTES = 16L << 20;

    private final Duration budget;
    private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors());
    private final ExecutorService threads = Executors.newCachedThreadPool(new Readers());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "essayist-read-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** @param budget the longest one file's read may take */
    ContainedReads(Duration budget) {
        this.budget = budget;
    }

    /**
     * @param entries the files, in the order their states are returned
     * @param read    reads one file (see {@link FileReader#read}); empty when it is gone
     * @return the states of the files still on disk, in the order of {@code entries}
     */
    List<FileState> readAll(List<PostsFolder.Entry> entries, Function<PostsFolder.Entry, Optional<FileState>> read) {
        List<CompletableFuture<Optional<FileState>>> results = new ArrayList<>(entries.size());
        for (PostsFolder.Entry entry : entries) {
            CompletableFuture<Optional<FileState>> result = new CompletableFuture<>();
            results.add(result);
            running.acquireUninterruptibly();
            threads.execute(() -> {
                var timeout = timer.schedule(() -> {
                    if (result.complete(Optional.of(tooLong(entry)))) {
                        running.release(); // the stuck read no longer counts against the parallelism
                    }
                }, budget.toMillis(), TimeUnit.MILLISECONDS);
                Optional<FileState> state;
                try {
                    state = read.apply(entry);
                } catch (RuntimeException | Error e) {
                    state = Optional.of(new FileState.Failed(entry.name(), null,
                            List.of(ContentProblem.error(entry.name(), 0, "cannot be read: " + e))));
                }
                timeout.cancel(false);
                if (result.complete(state)) {
                    running.release();
                }
            });
        }
        List<FileState> states = new ArrayList<>(entries.size());
        results.forEach(r -> r.join().ifPresent(states::add));
        return states;
    }

    private FileState tooLong(PostsFolder.Entry entry) {
        // With its hash, so the same bytes are not rendered again (and another thread held) until they change.
        String hash;
        try {
            hash = SourceFile.sha256(Files.readAllBytes(entry.path()));
        } catch (IOException e) {
            hash = null;
        }
        return new FileState.Failed(entry.name(), hash, List.of(ContentProblem.error(entry.name(), 0,
                "rendering took longer than " + budget.toSeconds() + " s (essayist.render-budget); the file is left out")));
    }

    @Override
    public void close() {
        threads.shutdownNow();
        timer.shutdownNow();
    }

    /** Daemon reading threads with deep stacks. */
    private static final class Readers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(null, task, "essayist-read-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        }
    }
}
