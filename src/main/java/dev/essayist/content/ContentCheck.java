package dev.essayist.content;

import dev.essayist.site.SiteConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a reindex on a fresh index would report about the posts folder
 * ({@code essayist.posts-dir}), found without an index: the same scan ({@link PostsFolder}), the
 * same reads ({@link ContentReaders}), the same identity decisions across files, planned against an
 * empty {@link IndexSnapshot}, and the same link check ({@link LinkChecker}) against the static
 * folder ({@code essayist.static-dir}, the theme included). So {@code check} reports what the server
 * would report after indexing the same files (design.md, invariant 3) without H2, Flyway or Lucene:
 * only problems a database alone raises (a full disk) are out of its reach.
 */
@Singleton
public final class ContentCheck {

    private final SiteConfig site;
    private final ContentReaders readers;

    ContentCheck(SiteConfig site, ContentReaders readers) {
        this.site = site;
        this.readers = readers;
    }

    /**
     * What a check found.
     *
     * @param files    post and page files found
     * @param problems every problem in file and line order: each file's own, identity conflicts
     *                 between files, and broken internal links (warnings), as {@link ContentIndexer#problems()}
     * @param skipped  the files of the folder that are not content, each as {@code file: skipped: reason}
     * @param took     wall-clock time
     */
    public record Result(int files, List<ContentProblem> problems, List<String> skipped, Duration took) {
    }

    /**
     * @return what was found
     * @throws PostsFolderException if a setting makes reading impossible (an unknown permalink token),
     *                              or the posts folder does not exist or cannot be listed
     */
    public Result check() {
        long start = System.nanoTime();
        ContentReaders.FolderRead read = readers.read(site.posts(), file -> null);
        List<FileState> states = read.states();
        IndexSnapshot empty = new IndexSnapshot(Map.of(), Map.of(), Set.of(), List.of());
        IndexChange change = empty.plan(states, "", empty.permalinksWith(readers.permalink()));
        ContentProblems problems = new ContentProblems();
        Set<String> onDisk = new HashSet<>();
        states.forEach(s -> onDisk.add(s.file()));
        problems.record(states, onDisk);
        LinkChecker links = new LinkChecker(site.base(), site.statics());
        change.posts().forEach(links::put);
        // What a fresh index's rows would hold: every post's own aliases (drafts too) and slug.
        Set<String> slugs = new HashSet<>();
        change.posts().forEach(post -> slugs.add(post.slug()));
        problems.replaceLinks(links.check(change.posts().stream().flatMap(post -> post.aliases().stream()).toList(), slugs));
        return new Result(read.files(), problems.all(), read.skipped(), Duration.ofNanos(System.nanoTime() - start));
    }
}
