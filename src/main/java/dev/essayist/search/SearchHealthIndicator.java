package dev.essayist.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The {@code search} part of {@code /health}: UP, since the site serves whatever search's state
 * (a search that cannot be answered gets an ordinary page saying so), with that state as details,
 * so a damaged or rebuilding index is visible.
 */
@Singleton
@Requires(beans = HealthEndpoint.class)
class SearchHealthIndicator implements HealthIndicator {

    private final SearchReaders readers;

    SearchHealthIndicator(SearchReaders readers) {
        this.readers = readers;
    }

    /**
     * The details shown under {@code components.search.details}.
     *
     * @param state     {@code ready}; {@code rebuilding} (from the rows, after it could not be read
     *                  or was out of step with them); {@code closed} (not opened yet: it opens at the
     *                  first search or reindex, or could not be opened: see {@code problem})
     * @param index     the folder of the Lucene index, or {@code (in memory)}
     * @param documents the documents searchable, drafts and scheduled essays included (they are
     *                  filtered out when searching); -1 when not open
     * @param problem   why the index was last unreadable or could not be opened, until it is
     *                  open again; {@code null} when nothing is wrong
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Details(String state, String index, long documents, @Nullable String problem) {
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("search", HealthStatus.UP).details(readers.health()).build());
    }
}
