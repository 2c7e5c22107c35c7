package dev.essayist.content;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
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
 * use (DESIGN.md invariant 1: the index is derived, so throwing it away loses nothing).
 *
 * <p>Before the connection pool opens the file, it is checked with a plain JDBC connection:
 * <ul>
 *   <li>it cannot be opened (corrupt, written by another H2 version): the files are deleted and the
 *       index is rebuilt from {@code posts/}, with one WARN line;</li>
 *   <li>it is locked by another running process (H2 error 90020): this process indexes into memory
 *       instead, with one WARN line, and leaves the other process's file alone;</li>
 *   <li>it was built under another {@link #fingerprint() fingerprint} (Essayist's version, the
 *       index format, the time zone or the base URL, all of which change rendered rows): deleted
 *       and rebuilt, with one INFO line.</li>
 * </ul>
 * In-memory URLs (tests) are left alone.
 */
@Singleton
class IndexStore implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

    /** Bump when what the indexer writes for the same file changes (rendering, columns' meaning). */
    static final int FORMAT = 1;
    private static final String FILE_PREFIX = "jdbc:h2:file:";
    /** H2's "Database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int ALREADY_OPEN = 90020;

    private final String fingerprint;

    /** Lazy: this listener exists before the data source it prepares. */
    private final BeanProvider<TransactionOperations<Connection>> tx;

    IndexStore(@Value("${essayist.time-zone}") String timeZone, @Value("${essayist.base-url}") String baseUrl,
               @Value("${essayist.preview:false}") boolean preview,
               BeanProvider<TransactionOperations<Connection>> tx) {
        this.tx = tx;
        String version = Optional.ofNullable(IndexStore.class.getPackage().getImplementationVersion()).orElse("dev");
        // Preview mode makes drafts visible in the rows themselves, so an index built with it must
        // never be reused without it. The build stamp makes a new jar (a new renderer) re-render.
        this.fingerprint = "essayist " + version + " build " + buildStamp() + "; format " + FORMAT + "; zone "
                + timeZone + "; base " + baseUrl + "; preview " + preview;
    }

    /** @return the modification time of the jar (or classes folder) this class was loaded from */
    private static long buildStamp() {
        try {
            var source = IndexStore.class.getProtectionDomain().getCodeSource();
            return source == null ? 0 : java.nio.file.Files.getLastModifiedTime(
                    java.nio.file.Path.of(source.getLocation().toURI())).toMillis();
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            // Without a stamp, a new build reuses the index until its version or format changes.
            LOG.warn("Cannot read the build time of the running code ({}); the index fingerprint omits it", e.toString());
            return 0;
        }
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
            config.setUrl(prepare(url, config.getUsername(), config.getPassword()));
        }
        return config;
    }

    /**
     * @param url      a {@code jdbc:h2:file:} URL, its path absolute or relative to the working folder
     * @param user     user name
     * @param password password
     * @return the URL to open: the same file (made absolute), or an in-memory index when the file
     * is held by another process
     */
    String prepare(String url, String user, String password) {
        String rest = url.substring(FILE_PREFIX.length());
        int semicolon = rest.indexOf(';');
        Path base = Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)).toAbsolutePath().normalize();
        String options = semicolon < 0 ? "" : rest.substring(semicolon);
        String absolute = FILE_PREFIX + base + options;
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        if (!Files.exists(file)) {
            createFolder(base.getParent());
            return absolute;
        }
        try (Connection connection = DriverManager.getConnection(absolute + ";IFEXISTS=TRUE", user, password)) {
            String stored = storedFingerprint(connection);
            if (!fingerprint.equals(stored)) {
                LOG.info("Index {} was built by '{}', not '{}'; rebuilding it from the posts folder", file,
                        stored, fingerprint);
                connection.close();
                delete(base);
            }
            return absolute;
        } catch (SQLException e) {
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

    /** Records the fingerprint once the schema exists (Flyway has run when the pool was created). */
    @EventListener
    void onStartup(StartupEvent event) {
        if (!tx.isPresent()) {
            return; // A command run without an index (new); nothing to record.
        }
        tx.get().executeWrite(status -> {
            try (PreparedStatement merge = status.getConnection().prepareStatement(
                    "MERGE INTO index_meta (name, setting) KEY (name) VALUES ('fingerprint', ?)")) {
                merge.setString(1, fingerprint);
                return merge.executeUpdate();
            }
        });
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

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index folder " + folder
                    + " (set essayist.index-dir or ESSAYIST_INDEX_DIR)", e);
        }
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
