package dev.essayist.content;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.flyway.FlywayConfigurationProperties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the H2 index in a file ({@code jdbc:h2:file:...}, by default {@code .essayist/index.mv.db})
 * so a restart re-reads only files whose hash changed, and makes sure that file is always safe to
 * use (design.md invariant 1: the index is derived, so throwing it away loses nothing).
 *
 * <p>Before the connection pool opens the file, it is checked with a plain JDBC connection:
 * <ul>
 *   <li>it cannot be opened (corrupt, written by another H2 version): the files are deleted and the
 *       index is rebuilt from {@code posts/}, with one WARN line;</li>
 *   <li>it is locked by another running process (H2 error 90020): this process indexes into memory
 *       instead, with one WARN line, and leaves the other process's file alone;</li>
 *   <li>it was built under another {@link #fingerprint() fingerprint} (Essayist's version, the
 *       index format, the time zone or the base URL, all of which change rendered rows): deleted
 *       and rebuilt, with one INFO line;</li>
 *   <li>its schema was migrated by migration files that have since changed (Flyway's validation
 *       fails, e.g. a checksum mismatch after an edited {@code V5__*.sql} while running from a
 *       classes folder, whose fingerprint cannot tell builds apart): deleted and rebuilt, with one
 *       WARN line, instead of failing start-up on Flyway's error. A migration that is only new is
 *       applied by Flyway as usual.</li>
 * </ul>
 * In-memory URLs (tests) are left alone.
 *
 * <p>An index that passes these checks and holds at least one post was built by this very code
 * from an earlier run of {@code posts/}: it is {@link #kept()}, and {@link ContentWatcher} serves it
 * at once and catches up with the files in the background. The check connection stays open until
 * start-up is over, so the pool finds the database already open instead of opening the file again.
 */
@Singleton
class IndexStore implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

    /** Bump when what the indexer writes for the same file changes (rendering, columns' meaning). */
    static final int FORMAT = 3;
    private static final String FILE_PREFIX = "jdbc:h2:file:";
    /** H2's "Database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int ALREADY_OPEN = 90020;

    private final String fingerprint;
    /** Whether the code runs from a jar whose build time is known, so the fingerprint names this build. */
    private final boolean fromJar;
    private volatile boolean kept;
    /** The connection that checked the file, held so that H2 keeps the database open for the pool. */
    private Connection held;

    /** Lazy: this listener exists before the data source it prepares. */
    private final BeanProvider<IndexWriter> writer;
    /** Finds Flyway's settings for the data source being prepared, by its name. */
    private final BeanLocator beans;

    IndexStore(@Value("${essayist.time-zone}") String timeZone, @Value("${essayist.base-url}") String baseUrl,
               @Value("${essayist.preview:false}") boolean preview,
               BeanProvider<IndexWriter> writer, BeanLocator beans) {
        this.writer = writer;
        this.beans = beans;
        String version = Optional.ofNullable(IndexStore.class.getPackage().getImplementationVersion()).orElse("dev");
        Path code = codeSource();
        long stamp = buildStamp(code);
        this.fromJar = stamp != 0 && Files.isRegularFile(code);
        // Preview mode makes drafts visible in the rows themselves, so an index built with it must
        // never be reused without it. The build stamp makes a new jar (a new renderer) re-render.
        this.fingerprint = "essayist " + version + " build " + stamp + "; format " + FORMAT + "; zone "
                + timeZone + "; base " + baseUrl + "; preview " + preview;
    }

    /** @return the jar (or classes folder) this class was loaded from, or null if unknown */
    private static Path codeSource() {
        try {
            var source = IndexStore.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            LOG.warn("Cannot locate the running code ({}); the index fingerprint omits its build time", e.toString());
            return null;
        }
    }

    /** @return the modification time of {@code code} in milliseconds, 0 if unknown */
    private static long buildStamp(Path code) {
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
     * @return whether this process opened an index file left by an earlier run that has this
     * process's {@link #fingerprint()} and at least one post; false for a new, rebuilt, empty or
     * in-memory index. Known once the data source has been configured (the first use of the index).
     */
    boolean kept() {
        return kept;
    }

    /**
     * @return whether the schema migrations can be skipped: the index is {@link #kept()} and its
     * fingerprint names this very jar (by its build time), whose migrations ran when it was built.
     * Never when running from a classes folder, whose time does not change with its contents.
     */
    boolean schemaCurrent() {
        return kept && fromJar;
    }

    /** @return what the rows of an index depend on besides the files; a change forces a rebuild */
    String fingerprint() {
        return fingerprint;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        if (url != null && url.startsWith(FILE_PREFIX)) {
            config.setUrl(prepare(url, config.getUsername(), config.getPassword(), config.getName()));
            if (schemaCurrent()) {
                skipMigrations(config.getName());
            }
        }
        return config;
    }

    /**
     * @param url      a {@code jdbc:h2:file:} URL, its path absolute or relative to the working folder
     * @param user     user name
     * @param password password
     * @param dataSource the data source's name, whose Flyway settings apply to the file
     * @return the URL to open: the same file (made absolute), or an in-memory index when the file
     * is held by another process
     */
    String prepare(String url, String user, String password, String dataSource) {
        String rest = url.substring(FILE_PREFIX.length());
        int semicolon = rest.indexOf(';');
        Path base = Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)).toAbsolutePath().normalize();
        String options = semicolon < 0 ? "" : rest.substring(semicolon);
        String absolute = FILE_PREFIX + base + options;
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        String unwritable = unwritable(base.getParent());
        if (unwritable != null) {
            LOG.warn("Index folder {} cannot be written ({}); indexing into memory instead (a restart reads every"
                    + " file again; set essayist.index-dir or ESSAYIST_INDEX_DIR to a folder with space)", base.getParent(), unwritable);
            return "jdbc:h2:mem:essayist-" + ProcessHandle.current().pid() + ";DB_CLOSE_DELAY=-1";
        }
        if (!Files.exists(file)) {
            return absolute;
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(absolute + ";IFEXISTS=TRUE", user, password);
            String stored = storedFingerprint(connection);
            if (!fingerprint.equals(stored)) {
                LOG.info("Index {} was built by '{}', not '{}'; rebuilding it from the posts folder", file,
                        stored, fingerprint);
                connection.close();
                delete(base);
                return absolute;
            }
            String invalid = fromJar ? null : migrationProblem(absolute, user, password, dataSource);
            if (invalid != null) {
                LOG.warn("Index {} was migrated by other migration files ({}); deleting it and rebuilding it "
                        + "from the posts folder", file, invalid);
                connection.close();
                delete(base);
                return absolute;
            }
            kept = hasPosts(connection);
            if (kept) {
                hold(connection);
            } else {
                connection.close();
            }
            return absolute;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (e.getErrorCode() == ALREADY_OPEN) {
                LOG.warn("Index {} is in use by another process ({}); indexing into memory instead", file,
                        firstLine(e));
                return "jdbc:h2:mem:essayist-" + ProcessHandle.current().pid() + ";DB_CLOSE_DELAY=-1";
            }
            LOG.warn("Index {} cannot be opened ({}); deleting it and rebuilding it from the posts folder", file,
                    firstLine(e));
            delete(base);
            return absolute;
        }
    }

    /**
     * Records the fingerprint once the schema exists (Flyway has run when the pool was created),
     * unless the stored one is already this one, then lets go of the check connection.
     */
    @EventListener
    void onStartup(StartupEvent event) {
        try {
            if (!writer.isPresent() || kept) {
                return; // A command run without an index (new), or the fingerprint is already stored.
            }
            writer.get().recordFingerprint(fingerprint);
        } finally {
            release();
        }
    }

    /**
     * Validates the migrations applied to the file against the migration files on the class path,
     * as Flyway's migrate would before running (only new, pending migrations are accepted).
     *
     * @return {@code null} when they match or Flyway is off for the data source; otherwise Flyway's
     *         first validation error, e.g. {@code Migration checksum mismatch for migration version 5}
     */
    private String migrationProblem(String url, String user, String password, String dataSource) {
        var settings = beans.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(dataSource))
                .filter(FlywayConfigurationProperties::isEnabled).orElse(null);
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

    /**
     * Turns Flyway off for a {@link #schemaCurrent() current} kept index: this jar's migrations ran
     * when it was built, and checking again costs Flyway's start-up (a few hundred milliseconds of
     * class loading and classpath scanning) for nothing. Flyway reads the setting when the pool opens.
     */
    private void skipMigrations(String dataSource) {
        beans.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(dataSource))
                .filter(FlywayConfigurationProperties::isEnabled)
                .ifPresent(flyway -> {
                    LOG.debug("Index schema of data source {} is this jar's; skipping migrations", dataSource);
                    flyway.setEnabled(false);
                });
    }

    private synchronized void hold(Connection connection) {
        held = connection;
    }

    /** Closes the check connection, if still held; the pool keeps the database open from here on. */
    @PreDestroy
    synchronized void release() {
        closeQuietly(held);
        held = null;
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Cannot close the index check connection ({})", firstLine(e));
        }
    }

    private static boolean hasPosts(Connection connection) {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM post)");
             ResultSet row = query.executeQuery()) {
            return row.next() && row.getBoolean(1);
        } catch (SQLException e) {
            // No post table: the schema was never created; index before serving.
            LOG.info("Index has no post table yet ({}); indexing before serving", firstLine(e));
            return false;
        }
    }

    private static String storedFingerprint(Connection connection) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT setting FROM index_meta WHERE name = 'fingerprint'");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            return null; // No index_meta table: an index from before fingerprints, or an empty file.
        }
    }

    /** Deletes {@code base.mv.db} and H2's other files beside it ({@code base.trace.db}, temp files). */
    private static void delete(Path base) {
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

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
