package dev.essayist.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * The {@code content} part of {@code /health}: UP however many files are broken (a broken file
 * never takes the site down; design.md invariant 3), with the current problems of {@code posts/}
 * as details, each with file, line, severity and message, and the same problems as compiler-style
 * lines; {@link #DEGRADED} while the last reindex failed as a whole (the index cannot be written,
 * the folder vanished), with the reason in {@code failure}: the site serves its last good index,
 * and publishing resumes when a retry succeeds.
 *
 * <p>Readiness stays UP while the site serves the index kept from the last run and catches up with
 * the files in the background ({@link ContentWatcher}): what it serves is the last good content.
 * {@code catchingUp} says so, and that the problems are not known yet: they are found by reading
 * the files, and listed once the catch-up has read them.
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
class ContentHealthIndicator implements HealthIndicator {

    private final ContentIndexer indexer;
    /** Absent where nothing watches the files (the command line). */
    private final BeanProvider<ContentWatcher> watcher;

    ContentHealthIndicator(ContentIndexer indexer, BeanProvider<ContentWatcher> watcher) {
        this.indexer = indexer;
        this.watcher = watcher;
    }

    /**
     * The details shown under {@code components.content.details}.
     *
     * @param errors     files left out (their last good version, if any, is served)
     * @param warnings   problems in files that are published anyway
     * @param problems   every problem, by file and line
     * @param catchingUp true while the index kept from the last run is served and the files are
     *                   read again after a restart; until then no problem is listed, and changes
     *                   made while the process was down are not served
     * @param failure    why the last reindex failed as a whole, or {@code null}
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Details(long errors, long warnings, List<Problem> problems, boolean catchingUp, String failure) {
    }

    /**
     * The site serves, but the last reindex failed as a whole: new and changed files are not
     * published until a retry succeeds. Operational (HTTP 200), so a load balancer keeps the
     * instance; ranked above {@code UP}, so {@code /health} shows it.
     */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "serving the last good index; the last reindex failed", true, 1);

    /**
     * One problem.
     *
     * @param file     the file
     * @param line     1-based line, 0 for the whole file
     * @param severity {@code error} or {@code warning}
     * @param message  what is wrong
     * @param text     the compiler-style line, {@code file:line: severity: message}
     */
    @Serdeable
    record Problem(String file, int line, String severity, String message, String text) {
    }

    @Override
    public Publisher<HealthResult> getResult() {
        List<ContentProblem> problems = indexer.problems();
        long errors = problems.stream().filter(p -> p.severity() == ContentProblem.Severity.ERROR).count();
        List<Problem> shown = problems.stream()
                .map(p -> new Problem(p.file(), p.line(), p.severity().label(), p.message(), p.toString()))
                .toList();
        String failure = indexer.failure().orElse(null);
        return Publishers.just(HealthResult.builder("content", failure == null ? HealthStatus.UP : DEGRADED)
                .details(new Details(errors, problems.size() - errors, shown,
                        watcher.isPresent() && watcher.get().catchingUp(), failure))
                .build());
    }
}
