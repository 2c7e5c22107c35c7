package dev.essayist.content;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the memory of a bulk reindex back to the operating system. Rendering thousands of essays
 * at once (a cold index of a large archive, or a mass edit) grows the heap to several hundred MB of
 * short-lived documents, and the JVM keeps that memory committed: with 10,000 essays a server that
 * then needs about 100 MB of live heap stayed at 650 MB of committed heap. After a reindex that
 * wrote at least {@code essayist.bulk-gc-files} files (1,000 unless set; 0 turns it off), this
 * asks for one full collection, after which the collector shrinks the heap to fit what is live
 * (how far is set by {@code -XX:MaxHeapFreeRatio}; see README, "Performance"). The pause (tens to a
 * few hundred milliseconds) comes right after the bulk change commits. {@code -XX:+DisableExplicitGC}
 * also turns it off.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class BulkIndexMemory {

    private static final Logger LOG = LoggerFactory.getLogger(BulkIndexMemory.class);

    private final int threshold;

    BulkIndexMemory(@Value("${essayist.bulk-gc-files:1000}") int threshold) {
        this.threshold = threshold;
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        if (threshold <= 0 || event.files().size() < threshold) {
            return;
        }
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long start = System.nanoTime();
        System.gc(); // a bulk reindex just finished: this is when nearly all of its heap is garbage
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        LOG.info("Bulk reindex of {} files: heap {} MB committed ({} MB used) -> {} MB committed ({} MB used) after a full GC of {} ms",
                event.files().size(), before.getCommitted() >> 20, before.getUsed() >> 20, after.getCommitted() >> 20,
                after.getUsed() >> 20, (System.nanoTime() - start) / 1_000_000);
    }
}
