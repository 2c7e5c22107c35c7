package dev.essayist.site;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every "is it published yet?" question asks (design.md invariant 5). A bean, so tests
 * can move time forward instead of sleeping.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
