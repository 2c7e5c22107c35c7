package dev.essayist.site;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, so a scheduled essay's time can pass without sleeping. It replaces
 * the application's clock in contexts started with {@code test.movable-clock=<ISO instant>}.
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    /** @param start the first instant it tells */
    public MovableClock(Instant start) {
        this.now = start;
    }

    /** @param duration how far to move time forward */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    /** Puts a {@link MovableClock} in place of {@link ClockFactory}'s system clock. */
    @Factory
    @Requires(property = "test.movable-clock")
    static class MovableClockFactory {

        @Singleton
        @Replaces(value = Clock.class, factory = ClockFactory.class)
        MovableClock clock(@io.micronaut.context.annotation.Value("${test.movable-clock}") String start) {
            return new MovableClock(Instant.parse(start));
        }
    }
}
