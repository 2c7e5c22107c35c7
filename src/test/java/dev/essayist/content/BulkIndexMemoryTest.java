package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A bulk reindex hands its memory back; a small one does not pay for a full collection. */
class BulkIndexMemoryTest {

    @Test
    void collectsAfterABulkChangeOnly() {
        BulkIndexMemory memory = new BulkIndexMemory(3);
        assertThat(logged(() -> memory.onContentChanged(new ContentChanged(Set.of("a.md", "b.md"))))).isEmpty();
        assertThat(logged(() -> memory.onContentChanged(new ContentChanged(Set.of("a.md", "b.md", "c.md")))))
                .singleElement().satisfies(line -> assertThat(line)
                        .matches("Bulk reindex of 3 files: heap \\d+ MB committed \\(\\d+ MB used\\) -> \\d+ MB committed "
                                + "\\(\\d+ MB used\\) after a full GC of \\d+ ms"));
    }

    @Test
    void zeroTurnsItOff() {
        BulkIndexMemory memory = new BulkIndexMemory(0);
        assertThat(logged(() -> memory.onContentChanged(new ContentChanged(Set.of("a.md", "b.md"))))).isEmpty();
    }

    private static java.util.List<String> logged(Runnable action) {
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
