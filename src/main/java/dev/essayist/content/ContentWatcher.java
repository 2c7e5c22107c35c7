package dev.essayist.content;

import dev.essayist.site.SiteConfig;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.io.watch.event.FileChangedEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live publishing: indexes {@code posts/} when the server starts, then again after every burst of
 * file events that Micronaut's file watcher ({@code micronaut.io.watch.*}, the JDK
 * {@code WatchService}, inotify on Linux) reports for a post file.
 *
 * <p>Editors save in several events (truncate, write, write, rename; backup and lock files). Events
 * for names that cannot be posts are ignored ({@link PostsFolder#isContentName}); the others start
 * or extend a burst, and the reindex runs once the folder has been quiet for {@link #QUIET}, or at
 * the latest {@link #MAX_WAIT} after the burst's first event, so a change is served within a
 * second even while a tool keeps writing. A file that was caught half-written fails to parse,
 * keeps its last good version online, and is read again on its next event; only files whose
 * bytes changed are read again. Not started by the command line ({@code check}, {@code new}).
 *
 * <p>At start-up, a new, rebuilt or empty index is indexed before the server opens its port, so a
 * reader never sees an empty or half-indexed site. An index {@link IndexStore#kept() kept} from the
 * last run is served at once: it is exactly the content the site served when it stopped, and the
 * catch-up reindex runs in the background once the server has started, committing any change made
 * while the process was down in one transaction, as a live edit would.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class ContentWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

    /** How long the folder must be quiet before a burst of events is indexed. */
    static final Duration QUIET = Duration.ofMillis(150);

    /** The longest a burst can delay its reindex, counted from its first event. */
    static final Duration MAX_WAIT = Duration.ofMillis(500);

    /**
     * How long after the port opens the catch-up of a kept index starts: the first requests after
     * a start load and compile the templates, and on two cores the catch-up would slow them by
     * half (measured: 200-300 ms on the first request to the demo site).
     */
    static final Duration CATCH_UP_DELAY = Duration.ofSeconds(1);

    /** Lazy: on a kept index the indexer (and its Markdown renderer) is first needed after the port opens. */
    private final BeanProvider<ContentIndexer> indexer;
    private final IndexStore store;
    private final Path postsDir;
    private final TaskScheduler scheduler;
    /** How long after a failed reindex (not a failed file: the whole reindex) it is tried again. */
    private final Duration retry;
    private ScheduledFuture<?> pending;
    private long burstStart;
    /** Whether the catch-up reindex of a kept index is pending or running. */
    private volatile boolean catchingUp;

    /**
     * @param index the index's data source, created here so that the store has opened (and judged)
     *              the index file before {@link #onStartup} decides when to reindex
     */
    ContentWatcher(BeanProvider<ContentIndexer> indexer, IndexStore store, SiteConfig site, DataSource index,
                   @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                   @Value("${essayist.reindex-retry:10s}") Duration retry) {
        this.retry = retry;
        this.indexer = indexer;
        this.store = store;
        this.postsDir = site.posts();
        this.scheduler = scheduler;
    }

    /**
     * @return whether the start-up reindex runs after the server has started: the index was kept
     * from the last run and the posts folder exists (a missing folder stops the start, as on a
     * new index, instead of being found in the background)
     */
    boolean catchUpInBackground() {
        return store.kept() && Files.isDirectory(postsDir);
    }

    /**
     * @return whether the site is serving the index kept from the last run while the catch-up
     * reindex has yet to commit (changes made while the process was down are not served yet)
     */
    boolean catchingUp() {
        return catchingUp;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (catchUpInBackground()) {
            catchingUp = true;
        } else {
            indexer.get().reindex();
        }
    }

    /**
     * Starts the catch-up {@link #CATCH_UP_DELAY} after the port opens, so that it competes neither
     * with start-up nor with the first requests.
     */
    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        if (catchingUp) {
            LOG.info("Serving the index kept from the last run; catching up with {} in the background", postsDir);
            scheduler.schedule(CATCH_UP_DELAY, this::catchUp);
        }
    }

    private void catchUp() {
        long start = System.nanoTime();
        try {
            IndexReport report = indexer.get().reindex();
            LOG.info("Caught up with {} in {} ms ({} files written, {} removed)", postsDir,
                    (System.nanoTime() - start) / 1_000_000, report.written(), report.removed());
        } catch (RuntimeException | Error e) {
            LOG.debug("Catch-up reindex failed; the site keeps serving the index of the last run", e);
            retry();
        } finally {
            catchingUp = false;
        }
    }

    @EventListener
    void onFileChanged(FileChangedEvent event) {
        // The watcher reports names relative to the watched folder (posts/ or posts/pages/).
        if (PostsFolder.isContentName(event.getPath().getFileName().toString())) {
            LOG.debug("{} {}", event.getEventType(), event.getPath());
            changed();
        }
    }

    private synchronized void changed() {
        long now = System.nanoTime();
        long delay;
        if (pending != null && !pending.isDone() && pending.cancel(false)) {
            delay = Math.max(0, Math.min(QUIET.toNanos(), burstStart + MAX_WAIT.toNanos() - now));
        } else {
            // A new burst, or one whose reindex is already running and may have missed this change.
            burstStart = now;
            delay = QUIET.toNanos();
        }
        pending = scheduler.schedule(Duration.ofNanos(delay), this::reindex);
    }

    private void reindex() {
        try {
            indexer.get().reindex();
        } catch (PostsFolderException e) {
            LOG.error("{}; the site keeps serving its last index", e.getMessage());
            retry();
        } catch (RuntimeException | Error e) {
            // Logged with its reason and reported on /health by the indexer; the site keeps its last
            // index, and a retry is scheduled in case no file event comes (the disk had no space).
            LOG.debug("Reindex after a file change failed; retrying in {}", retry, e);
            retry();
        }
    }

    /** Schedules one more reindex after a failed one: each failure schedules one, a success none. */
    private void retry() {
        scheduler.schedule(this.retry, this::reindex);
    }

    @PreDestroy
    synchronized void stop() {
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
