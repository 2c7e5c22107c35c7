package dev.essayist.content;

import dev.essayist.events.ContentChanged;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.scheduling.ScheduledExecutorTaskScheduler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A bulk reindex hands its memory back; a small one does not pay for a full collection. */
class BulkIndexMemoryTest {

    @Test
    void collectsAfterABulkChangeOnly() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            BulkIndexMemory memory = new BulkIndexMemory(3, new ScheduledExecutorTaskScheduler(scheduler));
            List<String> lines = logged(() -> {
                memory.onContentChanged(ContentChanged.of(Set.of("a.md", "b.md")));
                memory.onContentChanged(ContentChanged.of(Set.of("a.md", "b.md", "c.md")));
                scheduler.shutdown();
                awaitQuietly(scheduler);
            });
            assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                    .matches("Bulk reindex of 3 files: heap \\d+ MB committed \\(\\d+ MB used\\) -> \\d+ MB committed "
                            + "\\(\\d+ MB used\\) after a full GC of \\d+ ms"));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void zeroTurnsItOff() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            BulkIndexMemory memory = new BulkIndexMemory(0, new ScheduledExecutorTaskScheduler(scheduler));
            assertThat(logged(() -> {
                memory.onContentChanged(ContentChanged.of(Set.of("a.md", "b.md")));
                scheduler.shutdown();
                awaitQuietly(scheduler);
            })).isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Waits for the scheduled collection (one second's delay), five seconds at most. */
    private static void awaitQuietly(ScheduledExecutorService scheduler) {
        try {
            assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).as("the collection ran").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> logged(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(BulkIndexMemory.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        } finally {
            logger.detachAppender(appender);
        }
    }
}
