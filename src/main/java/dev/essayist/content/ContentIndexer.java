package dev.essayist.content;

import dev.essayist.page.Page;
import dev.essayist.page.PageRepository;
import dev.essayist.post.PostRepository;
import dev.essayist.post.PostSource;
import dev.essayist.post.PostLinkData;
import dev.essayist.search.SearchIndex;
import dev.essayist.site.SiteConfig;
import dev.essayist.tag.Tag;
import dev.essayist.tag.TagRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the files of {@code posts/}: reads changed files in parallel,
 * checks identities across files, and writes every change in one transaction (rows in JDBC batches,
 * {@link IndexBatch}); then brings the full-text index in step with the committed rows
 * ({@link SearchIndex}, which readers see switch in one step).
 *
 * <p>Invariants kept (DESIGN.md): the index is derived from the files (1); a reindex commits in
 * one transaction or not at all (2); a file that fails keeps its last good rows and is reported
 * with file, line and reason (3). Files whose SHA-256 is unchanged are not read again: what the
 * link check and the problem list need of a post (its ids, links and warnings) is stored with its
 * row, so after a restart on a kept index an unchanged file is only hashed. After each reindex the
 * internal links of the whole index are checked ({@link LinkChecker}); broken ones are warnings.
 * A write is announced by {@link ContentChanging} before the transaction and always closed by
 * {@link ContentChanged} once the search index is published, so a response cache can stand aside
 * while readers may see rows that its entries do not.
 * Started at startup and on file changes by {@link ContentWatcher}, and by {@code check}.
 */
@Singleton
public class ContentIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(ContentIndexer.class);

    /** Root-level paths that belong to routes and so can be neither an alias nor shadowed by one. */
    static final Set<String> RESERVED = Set.of("", "posts", "tags", "page", "archive", "about", "search", "static",
            "health", "vendor", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "favicon.ico");

    private final SiteConfig site;
    private final PostRepository posts;
    private final TagRepository tags;
    private final PageRepository pages;
    private final SearchIndex search;
    private final TransactionOperations<Connection> tx;
    private final ApplicationEventPublisher<ContentChanged> events;
    private final ApplicationEventPublisher<ContentChanging> changing;
    private final ObjectMapper json;
    private final java.time.Clock clock;
    private final PostReader postReader;
    private final PageReader pageReader;
    private final Map<String, List<ContentProblem>> problemsByFile = new ConcurrentHashMap<>();
    private final LinkChecker links;
    /** Broken internal links across the whole index, as of the last reindex. */
    private volatile List<ContentProblem> linkProblems = List.of();
    /** Hashes of files that failed, so an unchanged broken file is not read and reported again. */
    private final Map<String, String> failedHashes = new ConcurrentHashMap<>();
    /** Whether the link-check data of the rows this process found has been loaded into {@link #links}. */
    private boolean linksLoaded;

    ContentIndexer(SiteConfig site, PostRepository posts, TagRepository tags, PageRepository pages,
                   SearchIndex search, TransactionOperations<Connection> tx, ApplicationEventPublisher<ContentChanged> events,
                   ApplicationEventPublisher<ContentChanging> changing, ObjectMapper json, java.time.Clock clock) {
        this.site = site;
        this.posts = posts;
        this.tags = tags;
        this.pages = pages;
        this.search = search;
        this.tx = tx;
        this.events = events;
        this.changing = changing;
        this.json = json;
        this.clock = clock;
        MarkdownRenderer markdown = new MarkdownRenderer();
        this.postReader = new PostReader(site.zone(), markdown);
        this.pageReader = new PageReader(site.zone(), markdown);
        this.links = new LinkChecker(site.base(), site.statics());
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
        long start = System.nanoTime();
        Path dir = site.posts();
        if (!Files.isDirectory(dir)) {
            throw new PostsFolderException("posts folder '" + dir.toAbsolutePath()
                    + "' does not exist or is not a folder (set essayist.posts-dir or ESSAYIST_POSTS_DIR)", null);
        }
        List<Path> postFiles = markdownFiles(dir);
        List<Path> pageFiles = Files.isDirectory(dir.resolve("pages")) ? markdownFiles(dir.resolve("pages")) : List.of();

        Map<String, PostSource> indexed = new HashMap<>();
        posts.findSources().forEach(s -> indexed.put(s.sourcePath(), s));
        Map<String, String> pageHashes = new HashMap<>();
        pages.findAll().forEach(p -> pageHashes.put(p.sourcePath(), p.sourceHash()));

        // A post whose rows are current is skipped when the link check knows its ids and links: read in
        // this process, or stored with its row. After a restart on a kept index, unchanged files are
        // only hashed.
        if (!linksLoaded) {
            loadStored(indexed.keySet());
            linksLoaded = true;
        }
        List<Outcome<ParsedPost>> postOutcomes = postFiles.parallelStream()
                .map(f -> read(f, failedHashes.getOrDefault(name(f), indexed.containsKey(name(f))
                        && links.knows(name(f)) ? indexed.get(name(f)).sourceHash() : null), postReader::parse))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Outcome::name))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        List<Outcome<ParsedPage>> pageOutcomes = pageFiles.stream()
                .map(f -> read(f, failedHashes.getOrDefault(name(f), pageHashes.get(name(f))),
                        (source, fileName) -> pageReader.read(f, name(f))))
                .filter(java.util.Objects::nonNull)
                .toList();

        long read = System.nanoTime();
        Set<String> onDisk = new HashSet<>();
        postOutcomes.forEach(o -> onDisk.add(o.name()));
        List<String> gone = indexed.keySet().stream().filter(p -> !onDisk.contains(p)).sorted().toList();
        List<ParsedPost> accepted = checkIdentities(postOutcomes, indexed, gone);
        List<ParsedPost> toWrite = accepted.stream().filter(p -> !indexed.containsKey(p.source().name())
                || !indexed.get(p.source().name()).sourceHash().equals(p.source().hash())).toList();

        Set<String> pagesOnDisk = new HashSet<>();
        pageOutcomes.forEach(o -> pagesOnDisk.add(o.name()));
        List<String> pagesGone = pageHashes.keySet().stream().filter(p -> !pagesOnDisk.contains(p)).toList();
        List<ParsedPage> acceptedPages = pageOutcomes.stream().filter(o -> o.parsed() != null).map(Outcome::parsed).toList();

        long checked = System.nanoTime();
        long committed = checked;
        Set<String> changed = new LinkedHashSet<>();
        try {
            if (!toWrite.isEmpty() || !gone.isEmpty() || !acceptedPages.isEmpty() || !pagesGone.isEmpty()) {
                // From here until ContentChanged, readers may see the new rows: caches stand aside.
                changing.publishEvent(new ContentChanging());
                List<String> replaced = new ArrayList<>(gone);
                toWrite.stream().map(p -> p.source().name()).filter(indexed::containsKey).forEach(replaced::add);
                List<PostRow> rows = toWrite.parallelStream().map(this::row).toList();
                String searchState = SearchIndex.newState();
                try {
                    search.open(); // before the row commit, so a kept search index is compared with its own rows
                } catch (UncheckedIOException e) {
                    LOG.error("Cannot open the search index; the rows are written, and the next search retries", e);
                }
                // The search documents are staged on another core while the rows are written, and
                // published only after the row commit.
                java.util.concurrent.CompletableFuture<Void> staged = java.util.concurrent.CompletableFuture.runAsync(
                        () -> search.prepare(replaced, rows.stream().map(PostRow::search).toList()));
                try {
                    tx.executeWrite(status -> {
                        Connection connection = status.getConnection();
                        IndexBatch.deletePosts(connection, replaced);
                        long[] ids = IndexBatch.insertPosts(connection, rows.stream().map(PostRow::columns).toList());
                        Map<String, Long> tagIds = new HashMap<>();
                        IndexBatch batch = new IndexBatch();
                        for (int i = 0; i < ids.length; i++) {
                            joinRows(ids[i], toWrite.get(i), tagIds, batch);
                        }
                        batch.flush(connection);
                        tags.deleteUnused();
                        pagesGone.forEach(pages::deleteBySourcePath);
                        acceptedPages.forEach(this::write);
                        try (var merge = connection.prepareStatement(
                                "MERGE INTO index_meta (name, setting) KEY (name) VALUES (?, ?)")) {
                            merge.setString(1, SearchIndex.STATE_ROW);
                            merge.setString(2, searchState);
                            merge.executeUpdate();
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    staged.exceptionally(failure -> null).join();
                    search.discard();
                    throw e;
                }
                committed = System.nanoTime();
                try {
                    staged.join();
                    search.publish(searchState);
                } catch (java.util.concurrent.CompletionException | UncheckedIOException e) {
                    // The rows are committed and served; search answers from its last complete state
                    // (filtered against these rows) and rebuilds from the rows when next opened.
                    LOG.error("Cannot update the search index; it is rebuilt from the index rows on the next search",
                            e instanceof java.util.concurrent.CompletionException ? e.getCause() : e);
                }
                gone.forEach(changed::add);
                toWrite.forEach(p -> changed.add(p.source().name()));
                pagesGone.forEach(changed::add);
                acceptedPages.forEach(p -> changed.add(p.source().name()));
            }

            long written = System.nanoTime();
            List<ContentProblem> found = new ArrayList<>();
            problemsByFile.keySet().removeIf(file -> !onDisk.contains(file) && !pagesOnDisk.contains(file));
            failedHashes.keySet().removeIf(file -> !onDisk.contains(file) && !pagesOnDisk.contains(file));
            Stream.concat(postOutcomes.stream(), pageOutcomes.stream()).filter(o -> !o.unchanged()).forEach(o -> {
                problemsByFile.put(o.name(), o.problems());
                found.addAll(o.problems());
                if (o.hash() != null && o.parsed() == null) {
                    failedHashes.put(o.name(), o.hash());
                } else {
                    failedHashes.remove(o.name());
                }
            });
            gone.forEach(links::remove);
            accepted.forEach(links::put);
            List<ContentProblem> linksNow = links.check(posts.findAliasSources().stream().map(a -> a.path()).toList());
            List<ContentProblem> previous = linkProblems;
            linksNow.stream().filter(p -> !previous.contains(p)).forEach(found::add);
            linkProblems = linksNow;
            found.sort(ContentProblem.ORDER);
            for (ContentProblem problem : found) {
                if (problem.severity() == ContentProblem.Severity.ERROR) {
                    LOG.error("{}", problem);
                } else {
                    LOG.warn("{}", problem);
                }
            }
            Report report = new Report(postFiles.size() + pageFiles.size(), toWrite.size() + acceptedPages.size(),
                    gone.size() + pagesGone.size(), found, Duration.ofNanos(System.nanoTime() - start));
            LOG.info("Indexed {} files ({} written, {} removed, {} problems) in {} ms (read {} ms, check {} ms, write {} ms, search {} ms)",
                    report.files(), report.written(), report.removed(), found.size(), report.took().toMillis(),
                    (read - start) / 1_000_000, (checked - read) / 1_000_000, (committed - checked) / 1_000_000, (written - committed) / 1_000_000);
            return report;
        } finally {
            // After every reindex, so caches always know the schedule, and always after a
            // ContentChanging, even when the write failed (then with no files), so that caches
            // never stay aside.
            events.publishEvent(new ContentChanged(changed, dueTimes()));
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

    /** @return every current problem in every file, in file and line order */
    public List<ContentProblem> problems() {
        return Stream.concat(problemsByFile.values().stream().flatMap(List::stream), linkProblems.stream())
                .sorted(ContentProblem.ORDER).toList();
    }

    /**
     * Files that are posts: {@code *.md}, not hidden, and not an editor's lock or backup file
     * ({@code .#x.md}, {@code #x.md#}, {@code x.md~}, {@code .x.md.swp} do not end in {@code .md}
     * or start with a dot).
     */
    static boolean isPostFile(Path file) {
        return isPostName(file.getFileName().toString()) && Files.isRegularFile(file);
    }

    /**
     * @param name a bare file name
     * @return whether a file of that name would be a post or page (see {@link #isPostFile})
     */
    static boolean isPostName(String name) {
        return name.endsWith(".md") && !name.startsWith(".") && !name.startsWith("#") && !name.startsWith("~");
    }

    private static List<Path> markdownFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(ContentIndexer::isPostFile).sorted().toList();
        } catch (IOException e) {
            throw new PostsFolderException("cannot list the folder '" + dir.toAbsolutePath() + "': " + e, e);
        }
    }

    private String name(Path file) {
        return file.toString();
    }

    @FunctionalInterface
    private interface Parse<T> {
        T parse(SourceFile source, String fileName) throws ContentException, IOException;
    }

    /**
     * The result of reading one file: unchanged (same hash as indexed), parsed, or failed.
     */
    private record Outcome<T>(String name, String hash, boolean unchanged, T parsed, List<ContentProblem> problems) {
    }

    private <T> Outcome<T> read(Path file, String indexedHash, Parse<T> parse) {
        String name = name(file);
        String hash = null;
        try {
            long size = Files.size(file);
            if (size > SourceFile.MAX_BYTES) {
                return failed(name, ContentProblem.error(name, 0,
                        "file is " + size + " bytes; the limit is " + SourceFile.MAX_BYTES + " (2 MB)"));
            }
            byte[] bytes = Files.readAllBytes(file);
            hash = SourceFile.sha256(bytes);
            if (hash.equals(indexedHash)) {
                return new Outcome<>(name, hash, true, null, List.of());
            }
            T parsed = parse.parse(SourceFile.parse(bytes, name, hash), file.getFileName().toString());
            List<ContentProblem> warnings = parsed instanceof ParsedPost p ? p.warnings()
                    : parsed instanceof ParsedPage p ? p.warnings() : List.of();
            return new Outcome<>(name, hash, false, parsed, warnings);
        } catch (java.nio.file.NoSuchFileException e) {
            return null; // Deleted between listing and reading (an editor's save, a checkout): gone.
        } catch (ContentException e) {
            return new Outcome<>(name, hash, false, null, List.of(e.problem()));
        } catch (IOException e) {
            return failed(name, ContentProblem.error(name, 0, "cannot read the file: " + e));
        } catch (RuntimeException e) {
            // A bug in a parser must cost one file, not the whole index; log it with its trace.
            LOG.error("Unexpected failure reading {}", name, e);
            return failed(name, ContentProblem.error(name, 0, "cannot be read: " + e));
        }
    }

    private static <T> Outcome<T> failed(String name, ContentProblem problem) {
        return new Outcome<>(name, null, false, null, List.of(problem));
    }

    /**
     * Accepts parsed posts whose slug, id and aliases no other file holds; the others fail with a
     * problem naming both files, and keep their last good rows.
     */
    private List<ParsedPost> checkIdentities(List<Outcome<ParsedPost>> outcomes, Map<String, PostSource> indexed,
                                             List<String> gone) {
        Set<String> replaced = new HashSet<>(gone);
        outcomes.stream().filter(o -> o.parsed() != null).forEach(o -> replaced.add(o.name()));
        Map<String, String> claims = new HashMap<>();
        indexed.values().stream().filter(s -> !replaced.contains(s.sourcePath())).forEach(s -> {
            claims.put("slug " + s.slug(), s.sourcePath());
            claims.put("id " + s.guid(), s.sourcePath());
        });
        posts.findAliasSources().stream().filter(a -> !replaced.contains(a.sourcePath()))
                .forEach(a -> claims.put("path " + a.path(), a.sourcePath()));

        List<ParsedPost> accepted = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome<ParsedPost> outcome = outcomes.get(i);
            ParsedPost post = outcome.parsed();
            if (post == null) {
                continue;
            }
            ContentProblem conflict = conflict(post, claims);
            if (conflict == null) {
                accepted.add(post);
                identities(post).forEach(key -> claims.put(key, post.source().name()));
            } else {
                List<ContentProblem> problems = new ArrayList<>(post.warnings());
                problems.add(conflict);
                // No hash kept: the conflict may clear when the other file changes.
                outcomes.set(i, new Outcome<>(outcome.name(), null, false, null, List.copyOf(problems)));
                PostSource old = indexed.get(outcome.name());
                if (old != null) {
                    claims.put("slug " + old.slug(), old.sourcePath());
                    claims.put("id " + old.guid(), old.sourcePath());
                }
            }
        }
        return accepted;
    }

    private static List<String> identities(ParsedPost post) {
        List<String> keys = new ArrayList<>();
        keys.add("slug " + post.slug());
        keys.add("id " + post.guid());
        keys.add("path /posts/" + post.slug());
        post.frontMatter().aliases().forEach(a -> keys.add("path " + normalise(a)));
        return keys;
    }

    private ContentProblem conflict(ParsedPost post, Map<String, String> claims) {
        String name = post.source().name();
        String other = claims.get("slug " + post.slug());
        if (other == null) {
            other = claims.get("path /posts/" + post.slug());
        }
        if (other != null) {
            return ContentProblem.error(name, post.line("slug"), "slug '" + post.slug() + "' is already used by " + other);
        }
        if ((other = claims.get("id " + post.guid())) != null) {
            return ContentProblem.error(name, post.line("id"), "id '" + post.guid() + "' is already used by " + other);
        }
        for (String alias : post.frontMatter().aliases()) {
            String path = normalise(alias);
            String first = path.substring(1).split("/", 2)[0];
            if (RESERVED.contains(first) && !(first.equals("posts") && path.length() > "/posts/".length())) {
                return ContentProblem.error(name, post.line("aliases"), "alias '" + alias + "' collides with the route /" + first);
            }
            if ((other = claims.get("path " + path)) != null) {
                return ContentProblem.error(name, post.line("aliases"), "alias '" + alias + "' is already used by " + other);
            }
            if (path.startsWith("/posts/") && (other = claims.get("slug " + path.substring(7))) != null) {
                return ContentProblem.error(name, post.line("aliases"), "alias '" + alias + "' is the URL of " + other);
            }
        }
        return null;
    }

    private static String normalise(String alias) {
        return alias.length() > 1 && alias.endsWith("/") ? alias.substring(0, alias.length() - 1) : alias;
    }

    /**
     * A post's row and search document, built outside the transaction.
     *
     * @param columns the {@code post} columns, as {@link IndexBatch#insertPosts} takes them
     * @param search  the search document
     */
    private record PostRow(Object[] columns, SearchIndex.Doc search) {
    }

    private PostRow row(ParsedPost parsed) {
        FrontMatter fm = parsed.frontMatter();
        Instant published = fm.date().toInstant();
        Instant visibleFrom = site.preview() ? Instant.EPOCH : fm.draft() ? null : published;
        var body = parsed.body();
        Object[] columns = {parsed.source().name(), parsed.source().hash(), parsed.slug(), parsed.guid(), fm.title(),
                parsed.summary(), body.html(), toJson(body.headings()), utc(published),
                fm.updated() == null ? null : utc(fm.updated().toInstant()), fm.draft(), body.words(),
                body.readingMinutes(), visibleFrom == null ? null : utc(visibleFrom), parsed.source().bodyLine(),
                String.join("\n", body.anchors()), toJson(body.references()), toJson(parsed.warnings())};
        return new PostRow(columns, new SearchIndex.Doc(parsed.source().name(), parsed.source().hash(), fm.title(),
                parsed.summary(), body.text(), fm.distinctTags(), published));
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * @param postId the post's new id
     * @param parsed the post
     * @param tagIds tag ids by slug, found or created so far in this transaction
     * @param batch  collects the post's tag, alias and link rows
     */
    private void joinRows(long postId, ParsedPost parsed, Map<String, Long> tagIds, IndexBatch batch) {
        FrontMatter fm = parsed.frontMatter();
        for (String name : fm.distinctTags()) {
            String slug = Slugs.of(name);
            if (slug.isEmpty()) {
                continue;
            }
            long tagId = tagIds.computeIfAbsent(slug,
                    s -> tags.findBySlug(s).orElseGet(() -> tags.save(new Tag(null, s, name))).id());
            batch.postTag(postId, tagId);
        }
        Set<String> aliases = new LinkedHashSet<>();
        fm.aliases().forEach(a -> aliases.add(normalise(a)));
        aliases.forEach(a -> batch.alias(a, postId));
        linkedSlugs(parsed.body().links()).forEach(target -> batch.link(postId, target));
    }

    /**
     * Loads what the link check needs of the posts already in the index, and their files' warnings,
     * from their rows: an unchanged file is then not read again.
     *
     * @param files the indexed files
     */
    private void loadStored(Set<String> files) {
        io.micronaut.core.type.Argument<List<Reference>> type = io.micronaut.core.type.Argument.listOf(Reference.class);
        io.micronaut.core.type.Argument<List<ContentProblem>> problems = io.micronaut.core.type.Argument.listOf(ContentProblem.class);
        for (PostLinkData data : posts.findLinkData()) {
            if (!files.contains(data.sourcePath()) || links.knows(data.sourcePath())) {
                continue;
            }
            try {
                Set<String> anchors = data.anchors().isEmpty() ? Set.of() : Set.copyOf(List.of(data.anchors().split("\n")));
                List<ContentProblem> warnings = data.warnings() == null ? List.of() : json.readValue(data.warnings(), problems);
                links.put(data.sourcePath(), data.slug(), data.bodyLine(), anchors, json.readValue(data.linkRefs(), type));
                if (!warnings.isEmpty()) {
                    problemsByFile.putIfAbsent(data.sourcePath(), List.copyOf(warnings));
                }
            } catch (IOException | RuntimeException e) {
                // The file is then read again, as without stored data.
                LOG.warn("Cannot read the stored link data of {} ({}); reading the file again", data.sourcePath(), e.toString());
            }
        }
    }

    /**
     * @param links hrefs from a body
     * @return slugs of this site's posts they point to ({@code /posts/x}, {@code /posts/x#y},
     * or the same under the base URL)
     */
    Set<String> linkedSlugs(List<String> links) {
        Set<String> slugs = new LinkedHashSet<>();
        for (String href : links) {
            String path = href.startsWith(site.base() + "/") ? href.substring(site.base().length()) : href;
            if (path.startsWith("/posts/")) {
                String slug = path.substring(7).split("[#?/]", 2)[0];
                if (!slug.isEmpty()) {
                    slugs.add(slug);
                }
            }
        }
        return slugs;
    }

    private void write(ParsedPage parsed) {
        pages.findById(parsed.slug()).ifPresent(pages::delete);
        Instant updated = parsed.updated() != null ? parsed.updated().toInstant() : modified(parsed.source().name());
        pages.save(new Page(parsed.slug(), parsed.source().name(), parsed.source().hash(), parsed.title(),
                parsed.summary(), parsed.html(), toJson(parsed.data()), updated));
    }

    private static Instant modified(String file) {
        try {
            return Files.getLastModifiedTime(Path.of(file)).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + value, e);
        }
    }
}
