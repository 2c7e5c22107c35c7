package dev.essayist;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; for tests of asynchronous behaviour. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * @param within    the deadline, from now
     * @param what      what is awaited, for the failure message
     * @param condition the condition
     * @return how long it took
     * @throws AssertionError if the condition still fails at the deadline
     */
    public static Duration until(Duration within, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
