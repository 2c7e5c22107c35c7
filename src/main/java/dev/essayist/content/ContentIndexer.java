package dev.essayist.content;

import dev.essayist.events.ContentChanging;
import dev.essayist.events.ContentChanged;
import dev.essayist.page.PageRepository;
import dev.essayist.post.AliasRepository;
import dev.essayist.post.AliasSource;
import dev.essayist.post.PostRepository;
import dev.essayist.site.SiteConfig;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the files of {@code posts/}, as a pipeline of values: the folder is
 * scanned ({@link PostsFolder}); each file is read into its {@link FileState}, in parallel
 * ({@link FileReader}); the index's {@link IndexSnapshot} plans the {@link IndexChange}, deciding
 * identities across files ({@link Identities}); {@link IndexWriter} writes it in one transaction
 * while {@link SearchUpdate} stages it for search; the links of the whole site are checked
 * ({@link LinkChecker}); the problems are kept by {@link ContentProblems}.
 *
 * <p>Invariants kept (design.md): the index is derived from the files (1); a reindex commits in one
 * transaction or not at all (2); a file that fails keeps its last good rows and is reported with
 * file, line and reason (3). A write is announced by {@link ContentChanging}; every reindex ends with
 * {@link ContentChanged}. Started at start-up and on file changes by {@link ContentWatcher}, and by
 * {@code check}.
 */
@Singleton
public class ContentIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(ContentIndexer.class);

    private final SiteConfig site;
    private final PostRepository posts;
    private final AliasRepository aliases;
    private final PageRepository pages;
    private final IndexedFileRepository files;
    private final IndexMeta.Repository meta;
    /** The permalink in force ({@code essayist.permalink}). */
    private final String permalink;
    private final IndexWriter writer;
    private final SearchUpdate search;
    private final ApplicationEventPublisher<ContentChanged> changed;
    private final ApplicationEventPublisher<ContentChanging> changing;
    private final DueTimes due;
    private final ContentReaders readers;
    private final LinkChecker links;
    private final ContentProblems problems = new ContentProblems();
    private volatile List<String> skipped = List.of();
    /** Whether the link check and the problem list know the indexed files (from their rows). */
    private boolean restored;

    ContentIndexer(SiteConfig site, PostRepository posts, AliasRepository aliases, PageRepository pages,
                   IndexedFileRepository files, IndexMeta.Repository meta, IndexWriter writer, SearchUpdate search,
                   ApplicationEventPublisher<ContentChanged> changed, ApplicationEventPublisher<ContentChanging> changing,
                   Clock clock, ContentReaders readers) {
        this.site = site;
        this.posts = posts;
        this.aliases = aliases;
        this.pages = pages;
        this.files = files;
        this.meta = meta;
        this.writer = writer;
        this.search = search;
        this.changed = changed;
        this.changing = changing;
        this.due = new DueTimes(posts, clock);
        this.readers = readers;
        this.permalink = readers.permalink();
        this.links = new LinkChecker(site.base(), site.statics());
    }

    /**
     * Reindexes {@code posts/} and {@code posts/pages/}.
     *
     * @return what changed
     * @throws PostsFolderException if the posts folder does not exist or cannot be listed
     */
    @io.micrometer.core.annotation.Timed(value = "essayist.reindex", description = "Time to bring the index in line with posts/")
    public synchronized IndexReport reindex() {
        try {
            IndexReport report = reindexOnce();
            problems.failure(null);
            return report;
        } catch (PostsFolderException e) {
            problems.failure(e.getMessage()); // a setting to fix, not a bug: the caller says it in one line
            throw e;
        } catch (RuntimeException | Error e) {
            problems.failed(site.posts(), e);
            throw e;
        }
    }

    private IndexReport reindexOnce() {
        long start = System.nanoTime();
        IndexSnapshot snapshot = snapshot();
        ContentReaders.FolderRead read = readers.read(site.posts(),
                file -> Optional.ofNullable(problems.failedHash(file)).orElse(snapshot.hash(file)));
        skipped = read.skipped();
        List<FileState> states = new ArrayList<>(read.states());
        IndexChange change = snapshot.plan(states, search.newState(), snapshot.permalinksWith(permalink));
        Set<String> written = Set.of();
        List<ParsedPost> stored = List.of();
        try {
            if (!change.isEmpty()) {
                // From here until ContentChanged, readers may see the new rows: caches stand aside.
                changing.publishEvent(new ContentChanging());
                Map<String, ContentProblem> refused = search.write(change, () -> writer.apply(change));
                written = change.files();
                states.replaceAll(state -> refused.containsKey(state.file())
                        ? new FileState.Failed(state.file(), null, List.of(refused.get(state.file()))) : state);
                stored = change.posts().stream().filter(p -> !refused.containsKey(p.source().name())).toList();
            }
            Set<String> onDisk = new HashSet<>();
            states.forEach(s -> onDisk.add(s.file()));
            List<ContentProblem> found = new ArrayList<>(problems.record(states, onDisk));
            change.gonePosts().forEach(links::remove);
            stored.forEach(links::put);
            Set<String> slugs = new HashSet<>();
            posts.findSources().forEach(s -> slugs.add(s.slug()));
            found.addAll(problems.replaceLinks(links.check(aliases.findAliasSources().stream().map(AliasSource::path).toList(), slugs)));
            found.sort(ContentProblem.ORDER);
            ContentProblems.log(found);
            IndexReport report = new IndexReport(read.files(), stored.size() + change.pages().size(),
                    change.gonePosts().size() + change.removedPages().size(), found, Duration.ofNanos(System.nanoTime() - start));
            LOG.info("Indexed {} files ({} written, {} removed, {} problems) in {} ms", report.files(), report.written(),
                    report.removed(), found.size(), report.took().toMillis());
            return report;
        } finally {
            // After every reindex, so caches always know the schedule, and always after a
            // ContentChanging, even when the write failed (then with no files): caches never stay aside.
            changed.publishEvent(new ContentChanged(written, due.read()));
        }
    }

    /** @return every current problem in every file, in file and line order */
    public List<ContentProblem> problems() {
        return problems.all();
    }

    /**
     * @return the files of the posts folder that are not content, each as {@code file: skipped: reason}
     *         (images outside a bundle, a Hugo section's {@code _index.md}), as of the last reindex
     */
    public List<String> skipped() {
        return skipped;
    }

    /**
     * @return why the last reindex failed as a whole (the folder vanished, the index cannot be
     *         written), if it did; the site then serves the index as it was before
     */
    public Optional<String> failure() {
        return problems.failure();
    }

    /**
     * @return what the index holds; the first time, the link check and the problem list also learn
     *         the indexed files from their rows, so that after a restart an unchanged file is only
     *         hashed (if the rows cannot be read, every post file is read again)
     */
    private IndexSnapshot snapshot() {
        IndexSnapshot snapshot = IndexSnapshot.load(posts, aliases, pages, meta);
        if (snapshot.permalinkChanged(permalink)) {
            LOG.info("The permalink changed from {} to {}: every post moves, and its old address answers 301",
                    snapshot.permalinks().get(0), permalink);
            snapshot = snapshot.withoutPostHashes();
        }
        if (restored) {
            return snapshot;
        }
        restored = snapshot.restore(files, links, problems);
        return restored ? snapshot : snapshot.withoutPostHashes();
    }
}
