package dev.essayist.content;

import dev.essayist.page.PageRepository;
import dev.essayist.post.Alias;
import dev.essayist.post.AliasRepository;
import dev.essayist.post.Link;
import dev.essayist.post.LinkRepository;
import dev.essayist.post.Post;
import dev.essayist.post.PostRepository;
import dev.essayist.search.SearchIndex;
import dev.essayist.site.SiteConfig;
import dev.essayist.tag.Tag;
import dev.essayist.tag.TagRepository;
import dev.essayist.tag.Tagging;
import dev.essayist.tag.TaggingRepository;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one code that writes the index: applies an {@link IndexChange} in one transaction (design.md
 * invariant 2), every row through its repository in JDBC batches ({@code saveAll}), and records
 * the index's settings ({@code index_meta}).
 */
@Singleton
@Requires(beans = DataSource.class) // a command run without an index (new) has no writer
class IndexWriter {

    private static final Logger LOG = LoggerFactory.getLogger(IndexWriter.class);

    /** The {@code index_meta} row of the permalinks: the one in force, then the earlier ones, a line each. */
    static final String PERMALINKS = "permalinks";

    private final TransactionOperations<Connection> tx;
    private final IndexedFileRepository files;
    private final IndexMeta.Repository meta;
    private final PostRepository posts;
    private final TagRepository tags;
    private final TaggingRepository taggings;
    private final AliasRepository aliases;
    private final LinkRepository links;
    private final PageRepository pages;
    private final SiteConfig site;

    IndexWriter(TransactionOperations<Connection> tx, IndexedFileRepository files, IndexMeta.Repository meta, PostRepository posts,
                TagRepository tags, TaggingRepository taggings, AliasRepository aliases, LinkRepository links,
                PageRepository pages, SiteConfig site) {
        this.tx = tx;
        this.files = files;
        this.meta = meta;
        this.posts = posts;
        this.tags = tags;
        this.taggings = taggings;
        this.aliases = aliases;
        this.links = links;
        this.pages = pages;
        this.site = site;
    }

    /**
     * Writes a change in one transaction. If that fails, the change is written again, still in one
     * transaction, post by post, each behind a savepoint: a post whose rows the database refuses
     * keeps its last good rows and is reported, and every other post is written (design.md
     * invariant 9).
     *
     * @param change what to write
     * @return the posts that could not be stored, by file, each with the database's reason
     * @throws io.micronaut.data.exceptions.DataAccessException if the database refuses every post,
     *         or the change as a whole (a full or read-only disk, a closed database): nothing is written
     */
    Map<String, ContentProblem> apply(IndexChange change) {
        List<Post> rows = change.posts().parallelStream().map(p -> Rows.post(p, site.preview())).toList();
        try {
            tx.executeWrite(status -> {
                if (!change.removedPosts().isEmpty()) {
                    files.deleteByPathIn(change.removedPosts());
                }
                files.saveAll(change.posts().stream().map(IndexedFile::of).toList());
                List<Post> saved = posts.saveAll(rows);
                Joins joins = new Joins(new HashMap<>(), taken(change), formerPermalinks(change));
                for (int i = 0; i < saved.size(); i++) {
                    joins.add(saved.get(i).id(), change.posts().get(i));
                }
                joins.save();
                finish(change);
                return null;
            });
            return Map.of();
        } catch (RuntimeException batch) {
            if (change.posts().size() < 2) {
                throw batch;
            }
            LOG.warn("Writing {} posts in one batch failed ({}); writing them one by one to find the file at fault",
                    change.posts().size(), firstLine(batch));
            return tx.executeWrite(status -> applyEach(change, rows, status.getConnection(), batch));
        }
    }

    private Map<String, ContentProblem> applyEach(IndexChange change, List<Post> rows, Connection connection,
                                                  RuntimeException batch) throws SQLException {
        if (!change.gonePosts().isEmpty()) {
            files.deleteByPathIn(change.gonePosts());
        }
        Set<String> replaced = new HashSet<>(change.removedPosts());
        Map<String, Long> tagIds = new HashMap<>();
        Set<String> taken = taken(change);
        Map<String, ContentProblem> refused = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedPost post = change.posts().get(i);
            String file = post.source().name();
            Savepoint before = connection.setSavepoint();
            try {
                if (replaced.contains(file)) {
                    files.deleteByPathIn(List.of(file));
                }
                files.saveAll(List.of(IndexedFile.of(post)));
                Joins joins = new Joins(new HashMap<>(tagIds), new HashSet<>(taken), formerPermalinks(change));
                joins.add(posts.saveAll(List.of(rows.get(i))).get(0).id(), post);
                joins.save();
                tagIds.putAll(joins.tagIds());
                taken.addAll(joins.taken());
                connection.releaseSavepoint(before);
            } catch (RuntimeException e) {
                connection.rollback(before);
                refused.put(file, ContentProblem.error(file, 0, "cannot be stored in the index: " + firstLine(e)));
            }
        }
        if (refused.size() == rows.size()) {
            throw batch; // every post refused: the database, not a file, is at fault
        }
        finish(change);
        return refused;
    }

    /** Writes what follows the posts: unused tags go, pages, and the search state token. */
    private void finish(IndexChange change) {
        tags.deleteUnused();
        change.removedPages().forEach(pages::deleteBySourcePath);
        for (ParsedPage page : change.pages()) {
            pages.findById(page.slug()).ifPresent(pages::delete);
            pages.save(Rows.page(page));
        }
        setMeta(SearchIndex.STATE_ROW, change.searchState());
        setMeta(PERMALINKS, String.join("\n", change.permalinks()));
    }

    /**
     * @return every path the index holds after this change's deletes, as canonical paths and
     *         aliases, and those the change's posts take: a former address may not shadow them
     */
    private Set<String> taken(IndexChange change) {
        Set<String> taken = new HashSet<>();
        Set<String> replaced = new HashSet<>(change.removedPosts());
        posts.findSources().stream().filter(s -> !replaced.contains(s.sourcePath())).forEach(s -> taken.add(s.pathKey()));
        aliases.findAliasSources().stream().filter(a -> !replaced.contains(a.sourcePath())).forEach(a -> taken.add(a.path()));
        for (ParsedPost post : change.posts()) {
            taken.add(post.pathKey());
            taken.addAll(post.aliases());
        }
        return taken;
    }

    private static List<Permalink> formerPermalinks(IndexChange change) {
        return change.permalinks().stream().skip(1).map(Permalink::of).toList();
    }

    /**
     * The tag, alias and link rows of posts, collected and then saved in one batch each. A post's
     * paths under earlier permalinks become aliases too, unless another address holds them.
     */
    private final class Joins {
        private final Map<String, Long> tagIds;
        private final Set<String> taken;
        private final List<Permalink> formers;
        private final List<Tagging> tagged = new ArrayList<>();
        private final List<Alias> aliased = new ArrayList<>();
        private final List<Link> linked = new ArrayList<>();

        /**
         * @param tagIds  tag ids by slug, found or created so far in this transaction
         * @param taken   paths already held (canonical paths and aliases)
         * @param formers the permalinks used before the current one
         */
        Joins(Map<String, Long> tagIds, Set<String> taken, List<Permalink> formers) {
            this.tagIds = tagIds;
            this.taken = taken;
            this.formers = formers;
        }

        void add(long id, ParsedPost post) {
            for (String name : post.frontMatter().distinctTags()) {
                String slug = Slugs.of(name);
                if (!slug.isEmpty()) {
                    tagged.add(Tagging.of(id, tagIds.computeIfAbsent(slug,
                            s -> tags.findBySlug(s).orElseGet(() -> tags.save(new Tag(null, s, name))).id())));
                }
            }
            Identities.claimOf(post).aliases().forEach(a -> aliased.add(new Alias(a, id)));
            if (post.frontMatter().url() == null) {
                for (Permalink former : formers) {
                    String path = Permalink.key(former.path(post.facts()));
                    if (taken.add(path)) {
                        aliased.add(new Alias(path, id));
                    }
                }
            }
            Rows.linkedPaths(post, site.base()).forEach(path -> linked.add(Link.of(id, path)));
        }

        void save() {
            taggings.saveAll(tagged);
            aliases.saveAll(aliased);
            links.saveAll(linked);
        }

        Map<String, Long> tagIds() {
            return tagIds;
        }

        Set<String> taken() {
            return taken;
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Records what the rows were built under besides the files (see {@code IndexStore}).
     *
     * @param fingerprint the running process's index fingerprint
     */
    void recordFingerprint(String fingerprint) {
        tx.executeWrite(status -> {
            setMeta("fingerprint", fingerprint);
            return null;
        });
    }

    private void setMeta(String name, String setting) {
        meta.deleteById(name);
        meta.save(new IndexMeta(name, setting));
    }
}
