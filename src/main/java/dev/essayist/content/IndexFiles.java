package dev.essayist.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.micronaut.flyway.FlywayConfigurationProperties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link IndexStore} asks of an index file before the connection pool opens it: whether its
 * folder can be written at all, what fingerprint it was built under, whether it holds posts; and
 * how it is thrown away. Plain JDBC on one connection, and the file system.
 */
final class IndexFiles {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

    private IndexFiles() {
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Cannot close the index check connection ({})", firstLine(e));
        }
    }

    static boolean hasPosts(Connection connection) {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM post)");
             ResultSet row = query.executeQuery()) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            // No post table: the schema was never created; index before serving.
            LOG.info("Index has no post table yet ({}); indexing before serving", firstLine(e));
            return false;
        }
    }

    static String storedFingerprint(Connection connection) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT setting FROM index_meta WHERE name = 'fingerprint'");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            return null; // No index_meta table: an index from before fingerprints, or an empty file.
        }
    }

    /** Deletes {@code base.mv.db} and H2's other files beside it ({@code base.trace.db}, temp files). */
    static void delete(Path base) {
        String prefix = base.getFileName() + ".";
        try (Stream<Path> files = Files.list(base.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the index files " + base + ".*", e);
        }
    }

    /** Bytes written to find out whether the index folder has room for an index at all. */
    static final int PROBE_BYTES = 1 << 20;

    /**
     * @param folder the index folder, created if missing
     * @return why an index cannot be written there (a full or read-only disk, no permission), or
     *         {@code null} when a probe file of {@link #PROBE_BYTES} could be written and removed
     */
    static String unwritable(Path folder) {
        Path probe = folder.resolve(".write-probe");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        try (var out = java.nio.channels.FileChannel.open(probe, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.allocate(PROBE_BYTES));
            out.force(false);
            return null;
        } catch (IOException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                LOG.warn("Cannot remove the probe file {} ({})", probe, e.toString());
            }
        }
    }

    static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** @return the jar (or classes folder) this class was loaded from, or null if unknown */
    static Path codeSource() {
        try {
            var source = IndexStore.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            LOG.warn("Cannot locate the running code ({}); the index fingerprint omits its build time", e.toString());
            return null;
        }
    }

    /** @return the modification time of {@code code} in milliseconds, 0 if unknown */
    static long buildStamp(Path code) {
        if (code == null) {
            return 0;
        }
        try {
            return Files.getLastModifiedTime(code).toMillis();
        } catch (IOException e) {
            // Without a stamp, a new build reuses the index until its version or format changes.
            LOG.warn("Cannot read the build time of the running code ({}); the index fingerprint omits it", e.toString());
            return 0;
        }
    }

    /**
     * Validates the migrations applied to the file against the migration files on the class path,
     * as Flyway's migrate would before running (only new, pending migrations are accepted).
     *
     * @param settings the data source's Flyway settings, {@code null} when Flyway is off for it
     * @return {@code null} when they match or Flyway is off for the data source; otherwise Flyway's
     *         first validation error, e.g. {@code Migration checksum mismatch for migration version 5}
     */
    static String migrationProblem(String url, String user, String password,
                                   @io.micronaut.core.annotation.Nullable FlywayConfigurationProperties settings) {
        if (settings == null) {
            return null;
        }
        ValidateResult result = Flyway.configure(IndexStore.class.getClassLoader())
                .configuration(settings.getFluentConfiguration())
                .dataSource(url, user, password)
                .ignoreMigrationPatterns("*:pending")
                .load()
                .validateWithResult();
        if (result.validationSuccessful) {
            return null;
        }
        return result.invalidMigrations == null || result.invalidMigrations.isEmpty()
                ? result.getAllErrorMessages()
                : result.invalidMigrations.get(0).errorDetails.errorMessage;
    }
}
