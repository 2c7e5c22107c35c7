package dev.essayist.content;

import dev.essayist.events.ContentChanged;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the memory of a bulk reindex back to the operating system. Rendering thousands of essays
 * at once (a cold index of a large archive, or a mass edit) grows the heap to several hundred MB of
 * short-lived documents, and the JVM keeps that memory committed: with 10,000 essays a server that
 * then needs about 100 MB of live heap stayed at 650 MB of committed heap. After a reindex that
 * wrote at least {@code essayist.bulk-gc-files} files (1,000 unless set; 0 turns it off), this
 * asks for one full collection, after which the collector shrinks the heap to fit what is live
 * (how far is set by {@code -XX:MaxHeapFreeRatio}; see README, "Performance"). It runs
 * {@link #DELAY} after the change is published, on the scheduled executor, so that the reindex
 * that rendered the files has returned and its documents are garbage; the pause is tens to a few
 * hundred milliseconds. {@code -XX:+DisableExplicitGC} also turns it off.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class BulkIndexMemory {

    private static final Logger LOG = LoggerFactory.getLogger(BulkIndexMemory.class);

    /** How long after a bulk change the collection runs. */
    static final Duration DELAY = Duration.ofSeconds(1);

    private final int threshold;
    private final TaskScheduler scheduler;

    BulkIndexMemory(@Value("${essayist.bulk-gc-files:1000}") int threshold,
                    @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.threshold = threshold;
        this.scheduler = scheduler;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        int files = event.files().size();
        if (threshold > 0 && files >= threshold) {
            scheduler.schedule(DELAY, () -> collect(files));
        }
    }

    /**
     * Runs one full collection and logs the heap before and after.
     *
     * @param files how many files the bulk change wrote, for the log line
     */
    void collect(int files) {
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long start = System.nanoTime();
        System.gc(); // a bulk reindex just finished: this is when nearly all of its heap is garbage
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        LOG.info("Bulk reindex of {} files: heap {} MB committed ({} MB used) -> {} MB committed ({} MB used) after a full GC of {} ms",
                files, before.getCommitted() >> 20, before.getUsed() >> 20, after.getCommitted() >> 20,
                after.getUsed() >> 20, (System.nanoTime() - start) / 1_000_000);
    }
}
