package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.Await;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database refuses rows (H2 triggers stand in for a value it cannot store, and for a full
 * disk): one file's refused rows are that file's error and the others are written; a reindex that
 * cannot write at all leaves the site serving its last good index, says so on {@code /health}, and
 * publishing resumes by itself once the database accepts rows again (design.md invariant 9).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteFailureTest implements TestPropertyProvider {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Inject
    TransactionOperations<Connection> tx;

    /** Refuses a {@code post} row titled "Poison"; {@code post.title} is the ninth column. */
    public static final class RefusePoison implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if ("Poison".equals(newRow[8])) {
                throw new SQLException("value refused by the database (a test trigger)");
            }
        }
    }

    /** Refuses every row, as a full disk would. */
    public static final class RefuseAll implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("No space left on device (a test trigger)");
        }
    }

    @Override
    public Map<String, String> getProperties() {
        site.post("2025-01-01-first.md", "title: First\ndate: 2025-01-01\n", "First.\n");
        Map<String, String> props = new HashMap<>(site.properties());
        props.put("micronaut.io.watch.enabled", "true");
        props.put("essayist.reindex-retry", "300ms");
        return props;
    }

    private void sql(String statement) {
        tx.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(statement)) {
                return update.executeUpdate();
            }
        });
    }

    private Http http() {
        return new Http(server.getURI());
    }

    @Test
    void aFileWhoseRowsAreRefusedIsThatFilesErrorAndTheOthersAreWritten() {
        sql("CREATE TRIGGER refuse_poison BEFORE INSERT ON post FOR EACH ROW CALL \"" + RefusePoison.class.getName() + "\"");
        try {
            site.post("2025-02-01-poison.md", "title: Poison\ndate: 2025-02-01\n", "Refused.\n");
            site.post("2025-02-02-antidote.md", "title: Antidote\ndate: 2025-02-02\n", "Written.\n");
            Await.until(BOUND, "the good post beside the refused one is published",
                    () -> http().get("/posts/antidote").statusCode() == 200);
            Await.until(BOUND, "the refused file is reported", () -> indexer.problems().stream()
                    .anyMatch(p -> p.file().endsWith("2025-02-01-poison.md")));
            assertThat(indexer.problems()).filteredOn(p -> p.file().endsWith("2025-02-01-poison.md")).singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("cannot be stored in the index:")
                            .contains("value refused by the database"));
            assertThat(http().get("/posts/poison").statusCode()).isEqualTo(404);
            assertThat(http().get("/health").body()).contains("\"status\":\"UP\"");
        } finally {
            sql("DROP TRIGGER refuse_poison");
        }
    }

    @Test
    void aReindexThatCannotWriteIsReportedAndPublishingResumesOnItsOwn() {
        sql("CREATE TRIGGER refuse_all BEFORE INSERT ON post FOR EACH ROW CALL \"" + RefuseAll.class.getName() + "\"");
        try {
            site.post("2025-03-01-later.md", "title: Later\ndate: 2025-03-01\n", "Published once the disk has room.\n");
            Await.until(BOUND, "/health says the index cannot be written",
                    () -> http().get("/health").body().contains("DEGRADED"));
            assertThat(http().get("/health").statusCode()).isEqualTo(200);
            assertThat(http().get("/health").body()).contains("No space left on device");
            assertThat(http().get("/posts/first").statusCode()).isEqualTo(200);
            assertThat(http().get("/posts/later").statusCode()).isEqualTo(404);
        } finally {
            sql("DROP TRIGGER refuse_all");
        }
        Await.until(BOUND, "the retry publishes the post without a file event",
                () -> http().get("/posts/later").statusCode() == 200);
        assertThat(http().get("/health").body()).doesNotContain("DEGRADED");
    }
}
