package dev.essayist;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * A request that takes three seconds, for the graceful-shutdown test; present only in a process
 * started with {@code -Dessayist.test.slow-route=true}. It prints a line when it starts, so the test
 * knows the request is in flight before it sends SIGTERM.
 */
@Requires(property = "essayist.test.slow-route", value = "true")
@Controller("/test/slow")
class SlowController {

    static final String STARTED = "slow request started";

    @Get
    @Produces(MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    String slow() throws InterruptedException {
        System.out.println(STARTED);
        System.out.flush();
        Thread.sleep(3_000);
        return "finished";
    }
}
