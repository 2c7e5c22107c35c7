package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.essayist.post.PostRepository;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DueTimesTest {

    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** @return post rows that answer {@code findDueTimes} with {@code answer} and fail on anything else */
    private static PostRepository rows(Function<Instant, List<Instant>> answer) {
        return (PostRepository) Proxy.newProxyInstance(PostRepository.class.getClassLoader(),
                new Class<?>[] {PostRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findDueTimes")) {
                        return answer.apply((Instant) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void asksTheRowsForTheScheduleAfterTheClocksNow() {
        List<Instant> asked = new ArrayList<>();
        Instant due = NOW.plusSeconds(3600);
        DueTimes times = new DueTimes(rows(now -> {
            asked.add(now);
            return List.of(due);
        }), clock);

        assertThat(times.read()).containsExactly(due);
        assertThat(asked).containsExactly(NOW);
    }

    @Test
    void answersEmptyAndLogsAnErrorWhenTheRowsCannotBeRead() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ContentIndexer.class);
        logger.addAppender(log);
        try {
            DueTimes times = new DueTimes(rows(now -> {
                throw new IllegalStateException("database closed");
            }), clock);

            assertThat(times.read()).isEmpty();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith("Cannot read the schedule of scheduled essays");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database closed");
        });
    }
}
