package dev.essayist.cache;

import dev.essayist.SiteFixture;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared inline site for the cache's tests, with settings of each test's own, the test clock
 * ({@link dev.essayist.site.MovableClock}, at {@link #START} until a test moves it), and SQL edits
 * of the index behind the cache's back: a stale answer afterwards shows that the cache answered, a
 * fresh one that the page was rendered.
 */
abstract class CacheSiteFixture extends SiteFixture {

    /** Where the test clock starts. */
    static final String START = "2025-06-01T00:00:00Z";

    @Inject
    TransactionOperations<Connection> tx;

    /** @return settings added to the site's, e.g. {@code essayist.cache.enabled=false} */
    Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("test.movable-clock", START);
        props.putAll(settings());
        return props;
    }

    /**
     * @param statement  one SQL statement, with {@code ?} for each parameter
     * @param parameters its parameters, in order
     */
    void sql(String statement, Object... parameters) {
        tx.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            }
        });
    }
}
