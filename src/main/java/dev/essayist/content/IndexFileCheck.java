package dev.essayist.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.flyway.FlywayConfigurationProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions {@link IndexStore} makes about an index file left by an earlier run: the
 * fingerprint this process builds under, and whether the file is kept, deleted to be rebuilt, or
 * passed over for an index in memory. One plain JDBC connection ({@link IndexFiles} does the
 * reading and deleting); the rules, and the log line each outcome gives, are on {@link IndexStore}.
 *
 * <p>Thread-safe: immutable.
 */
final class IndexFileCheck {

    // Logged under the store's name, as every line about the index file is (IndexFiles too).
    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

    /** H2's "Database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int ALREADY_OPEN = 90020;

    private final String fingerprint;
    /** Whether the code runs from a jar whose build time is known, so the fingerprint names this build. */
    private final boolean fromJar;

    /**
     * What the check found.
     *
     * @param url     the URL to open: the same file, or an in-memory index when another process holds it
     * @param current whether the file was built under this fingerprint by these migrations
     * @param held    the open connection that checked a current file holding at least one post
     *                (the caller keeps it until start-up is over), or {@code null}
     */
    record Outcome(String url, boolean current, @Nullable Connection held) {
    }

    /**
     * @param timeZone {@code essayist.time-zone}
     * @param baseUrl  {@code essayist.base-url}
     * @param preview  {@code essayist.preview}: drafts visible in the rows themselves
     */
    IndexFileCheck(String timeZone, String baseUrl, boolean preview) {
        String version = Optional.ofNullable(IndexStore.class.getPackage().getImplementationVersion()).orElse("dev");
        Path code = IndexFiles.codeSource();
        long stamp = IndexFiles.buildStamp(code);
        this.fromJar = stamp != 0 && Files.isRegularFile(code);
        // Preview mode makes drafts visible in the rows themselves, so an index built with it must
        // never be reused without it. The build stamp makes a new jar (a new renderer) re-render.
        this.fingerprint = "essayist " + version + " build " + stamp + "; format " + IndexStore.FORMAT + "; zone "
                + timeZone + "; base " + baseUrl + "; preview " + preview;
    }

    /** @return Essayist's version and build, the index format, time zone, base URL and preview mode, as one line */
    String fingerprint() {
        return fingerprint;
    }

    /** @return whether the code runs from a jar whose build time is known, so the fingerprint names this build */
    boolean fromJar() {
        return fromJar;
    }

    /** @return a URL for an index in memory, private to this process */
    static String inMemory() {
        return "jdbc:h2:mem:essayist-" + ProcessHandle.current().pid() + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * Checks an index file that exists. Deletes it (one INFO or WARN line) when it was built under
     * another fingerprint, was migrated by other migration files (checked only when not
     * {@link #fromJar()}), or cannot be opened; answers an in-memory URL (one WARN line) when
     * another process holds it.
     *
     * @param absolute the file's {@code jdbc:h2:file:} URL, its path absolute
     * @param base     the file's path without {@code .mv.db}
     * @param user     user name
     * @param password password
     * @param flyway   the data source's Flyway settings when enabled, else {@code null}; asked only if needed
     * @return the URL to open and whether the file is kept
     */
    Outcome check(String absolute, Path base, String user, String password,
                  Supplier<FlywayConfigurationProperties> flyway) {
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(absolute + ";IFEXISTS=TRUE", user, password);
            String stored = IndexFiles.storedFingerprint(connection);
            if (!fingerprint.equals(stored)) {
                LOG.info("Index {} was built by '{}', not '{}'; rebuilding it from the posts folder", file,
                        stored, fingerprint);
                connection.close();
                IndexFiles.delete(base);
                return new Outcome(absolute, false, null);
            }
            String invalid = fromJar ? null : IndexFiles.migrationProblem(absolute, user, password, flyway.get());
            if (invalid != null) {
                LOG.warn("Index {} was migrated by other migration files ({}); deleting it and rebuilding it "
                        + "from the posts folder", file, invalid);
                connection.close();
                IndexFiles.delete(base);
                return new Outcome(absolute, false, null);
            }
            if (IndexFiles.hasPosts(connection)) {
                return new Outcome(absolute, true, connection);
            }
            connection.close();
            return new Outcome(absolute, true, null);
        } catch (SQLException e) {
            IndexFiles.closeQuietly(connection);
            if (e.getErrorCode() == ALREADY_OPEN) {
                LOG.warn("Index {} is in use by another process ({}); indexing into memory instead", file,
                        IndexFiles.firstLine(e));
                return new Outcome(inMemory(), false, null);
            }
            LOG.warn("Index {} cannot be opened ({}); deleting it and rebuilding it from the posts folder", file,
                    IndexFiles.firstLine(e));
            IndexFiles.delete(base);
            return new Outcome(absolute, false, null);
        }
    }
}
