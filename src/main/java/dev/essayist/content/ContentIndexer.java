package dev.essayist.content;

import dev.essayist.page.PageRepository;
import dev.essayist.post.AliasRepository;
import dev.essayist.post.AliasSource;
import dev.essayist.post.PostRepository;
import dev.essayist.content.render.ImageFiles;
import dev.essayist.content.render.ImageVariants;
import dev.essayist.site.SiteConfig;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final Clock clock;
    private final FileReader reader;
    private final ContainedReads reads;
    private final LinkChecker links;
    private final ContentProblems problems = new ContentProblems();
    /** A setting that makes indexing impossible (an unknown permalink token), said at every reindex. */
    private final String settingProblem;
    private volatile List<String> skipped = List.of();
    /** Whether the link check and the problem list know the indexed files (from their rows). */
    private boolean restored;

    ContentIndexer(SiteConfig site, PostRepository posts, AliasRepository aliases, PageRepository pages,
                   IndexedFileRepository files, IndexMeta.Repository meta, IndexWriter writer, SearchUpdate search,
                   ApplicationEventPublisher<ContentChanged> changed, ApplicationEventPublisher<ContentChanging> changing,
                   Clock clock, @Value("${essayist.render-budget:30s}") Duration renderBudget,
                   ImageFiles images, ImageVariants variants,
                   @Value("${essayist.permalink:}") String permalink,
                   @Value("${essayist.feed.id-permalink:}") String idPermalink) {
        this.site = site;
        this.posts = posts;
        this.aliases = aliases;
        this.pages = pages;
        this.files = files;
        this.meta = meta;
        this.permalink = permalink.isBlank() ? Permalink.DEFAULT : permalink.strip();
        this.writer = writer;
        this.search = search;
        this.changed = changed;
        this.changing = changing;
        this.clock = clock;
        MarkdownRenderer markdown = new MarkdownRenderer(images, variants);
        PostReader postReader;
        String problem = null;
        try {
            postReader = new PostReader(site.zone(), markdown, Permalink.of(permalink.isBlank() ? Permalink.DEFAULT : permalink),
                    idPermalink.isBlank() ? null : Permalink.of(idPermalink), site.base());
        } catch (IllegalArgumentException e) {
            problem = "essayist.permalink or essayist.feed.id-permalink is unusable: " + e.getMessage();
            postReader = new PostReader(site.zone(), markdown);
        }
        this.settingProblem = problem;
        this.reader = new FileReader(postReader, new PageReader(site.zone(), markdown));
        this.links = new LinkChecker(site.base(), site.statics());
        this.reads = new ContainedReads(renderBudget);
    }

    @PreDestroy
    void close() {
        reads.close();
    }

    /**
     * What one reindex did.
     *
     * @param files    post and page files found
     * @param written  files whose rows were (re)written
     * @param removed  files whose rows were removed because the file is gone
     * @param problems problems found in the files read this time, and broken internal links that
     *                 were not broken before
     * @param took     wall-clock time
     */
    public record Report(int files, int written, int removed, List<ContentProblem> problems, Duration took) {
    }

    /**
     * Reindexes {@code posts/} and {@code posts/pages/}.
     *
     * @return what changed
     * @throws PostsFolderException if the posts folder does not exist or cannot be listed
     */
    @io.micrometer.core.annotation.Timed(value = "essayist.reindex", description = "Time to bring the index in line with posts/")
    public synchronized Report reindex() {
        try {
            Report report = reindexOnce();
            problems.failure(null);
            return report;
        } catch (PostsFolderException e) {
            problems.failure(e.getMessage()); // a setting to fix, not a bug: the caller says it in one line
            throw e;
        } catch (RuntimeException | Error e) {
            String reason = reason(e);
            boolean repeated = reason.equals(problems.failure().orElse(null));
            problems.failure(reason);
            if (repeated) {
                LOG.warn("Indexing {} failed again ({}); still serving the last good index", site.posts(), reason);
            } else {
                LOG.error("Indexing {} failed ({}); the site keeps serving the last good index, and the next change"
                        + " or retry indexes again", site.posts(), reason, e);
            }
            throw e;
        }
    }

    /** @return the innermost cause's class and message: what an operator can act on ("No space left on device") */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Report reindexOnce() {
        long start = System.nanoTime();
        if (settingProblem != null) {
            throw new PostsFolderException(settingProblem, null);
        }
        PostsFolder folder = PostsFolder.scan(site.posts());
        List<PostsFolder.Entry> entries = folder.entries();
        skipped = folder.skipped().stream().map(PostsFolder.Skipped::toString).toList();
        IndexSnapshot snapshot = snapshot();
        List<FileState> states = new ArrayList<>(reads.readAll(entries,
                e -> reader.read(e, Optional.ofNullable(problems.failedHash(e.name())).orElse(snapshot.hash(e.name())))));
        states.sort(Comparator.comparing(FileState::file));
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
            found.addAll(problems.replaceLinks(links.check(aliases.findAliasSources().stream().map(AliasSource::path).toList())));
            found.sort(ContentProblem.ORDER);
            ContentProblems.log(found);
            Report report = new Report(entries.size(), stored.size() + change.pages().size(),
                    change.gonePosts().size() + change.removedPages().size(), found, Duration.ofNanos(System.nanoTime() - start));
            LOG.info("Indexed {} files ({} written, {} removed, {} problems) in {} ms", report.files(), report.written(),
                    report.removed(), found.size(), report.took().toMillis());
            return report;
        } finally {
            // After every reindex, so caches always know the schedule, and always after a
            // ContentChanging, even when the write failed (then with no files): caches never stay aside.
            changed.publishEvent(new ContentChanged(written, dueTimes()));
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
        try {
            for (IndexedFile file : files.findAll()) {
                Identities.Claim claim = snapshot.posts().get(file.path());
                if (claim != null) {
                    links.put(file, claim.path());
                    problems.restore(file.path(), file.warnings());
                }
            }
            restored = true;
            return snapshot;
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the stored link data of the index ({}); reading every file again", e.toString());
            return snapshot.withoutPostHashes();
        }
    }

    /** @return when the published set next changes by itself, for {@link ContentChanged#due()} */
    private List<Instant> dueTimes() {
        try {
            return posts.findDueTimes(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Cannot read the schedule of scheduled essays; caches will not drop pages when one comes due", e);
            return List.of();
        }
    }
}
