package dev.essayist.content;

import dev.essayist.page.PageRepository;
import dev.essayist.post.AliasRepository;
import dev.essayist.post.LinkRepository;
import dev.essayist.post.Post;
import dev.essayist.post.PostRepository;
import dev.essayist.search.SearchIndex;
import dev.essayist.site.SiteConfig;
import dev.essayist.tag.TagRepository;
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
                IndexJoins joins = new IndexJoins(repositories(), site.base(), new HashMap<>(), taken(change),
                        formerPermalinks(change));
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
                    change.posts().size(), ContentProblems.rootCause(batch));
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
                IndexJoins joins = new IndexJoins(repositories(), site.base(), new HashMap<>(tagIds), new HashSet<>(taken),
                        formerPermalinks(change));
                joins.add(posts.saveAll(List.of(rows.get(i))).get(0).id(), post);
                joins.save();
                tagIds.putAll(joins.tagIds());
                taken.addAll(joins.taken());
                connection.releaseSavepoint(before);
            } catch (RuntimeException e) {
                connection.rollback(before);
                refused.put(file, ContentProblem.error(file, 0, "cannot be stored in the index: " + ContentProblems.rootCause(e)));
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

    private IndexJoins.Repositories repositories() {
        return new IndexJoins.Repositories(tags, taggings, aliases, links);
    }

    private static List<Permalink> formerPermalinks(IndexChange change) {
        return change.permalinks().stream().skip(1).map(Permalink::of).toList();
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
