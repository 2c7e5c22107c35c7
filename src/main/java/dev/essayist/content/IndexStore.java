package dev.essayist.content;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * The fingerprint and the check of a file are {@link IndexFileCheck}'s.
 */
@Singleton
class IndexStore implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

    /** Bump when what the indexer writes for the same file changes (rendering, columns' meaning). */
    static final int FORMAT = 4;
    private static final String FILE_PREFIX = "jdbc:h2:file:";

    /** The fingerprint, and what becomes of a file left by an earlier run. */
    private final IndexFileCheck check;
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
        this.check = new IndexFileCheck(timeZone, baseUrl, preview);
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
        return kept && check.fromJar();
    }

    /** @return what the rows of an index depend on besides the files; a change forces a rebuild */
    String fingerprint() {
        return check.fingerprint();
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
        String unwritable = IndexFiles.unwritable(base.getParent());
        if (unwritable != null) {
            LOG.warn("Index folder {} cannot be written ({}); indexing into memory instead (a restart reads every"
                    + " file again; set essayist.index-dir or ESSAYIST_INDEX_DIR to a folder with space)", base.getParent(), unwritable);
            return IndexFileCheck.inMemory();
        }
        if (!Files.exists(base.resolveSibling(base.getFileName() + ".mv.db"))) {
            return absolute;
        }
        IndexFileCheck.Outcome outcome = check.check(absolute, base, user, password,
                () -> beans.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(dataSource))
                        .filter(FlywayConfigurationProperties::isEnabled).orElse(null));
        if (outcome.current()) {
            kept = outcome.held() != null;
            if (kept) {
                hold(outcome.held());
            }
        }
        return outcome.url();
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
            writer.get().recordFingerprint(check.fingerprint());
        } finally {
            release();
        }
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
        IndexFiles.closeQuietly(held);
        held = null;
    }
}
