package dev.essayist.content;

import dev.essayist.page.Page;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
     * Writes a change, all of it or (on any failure) none of it.
     *
     * @param change what to write
     * @throws io.micronaut.data.exceptions.DataAccessException if a write fails; nothing is then written
     */
    void apply(IndexChange change) {
        List<Post> rows = change.posts().parallelStream().map(this::row).toList();
        tx.executeWrite(status -> {
            if (!change.removedPosts().isEmpty()) {
                files.deleteByPathIn(change.removedPosts());
            }
            files.saveAll(change.posts().stream().map(IndexedFile::of).toList());
            List<Post> saved = posts.saveAll(rows);
            Map<String, Long> tagIds = new HashMap<>();
            List<Tagging> tagged = new ArrayList<>();
            List<Alias> aliased = new ArrayList<>();
            List<Link> linked = new ArrayList<>();
            for (int i = 0; i < saved.size(); i++) {
                long id = saved.get(i).id();
                ParsedPost post = change.posts().get(i);
                for (String name : post.frontMatter().distinctTags()) {
                    String slug = Slugs.of(name);
                    if (!slug.isEmpty()) {
                        tagged.add(Tagging.of(id, tagIds.computeIfAbsent(slug,
                                s -> tags.findBySlug(s).orElseGet(() -> tags.save(new Tag(null, s, name))).id())));
                    }
                }
                Identities.claimOf(post).aliases().forEach(a -> aliased.add(new Alias(a, id)));
                linkedPaths(post).forEach(path -> linked.add(Link.of(id, path)));
            }
            taggings.saveAll(tagged);
            aliases.saveAll(aliased);
            links.saveAll(linked);
            tags.deleteUnused();
            change.removedPages().forEach(pages::deleteBySourcePath);
            for (ParsedPage page : change.pages()) {
                pages.findById(page.slug()).ifPresent(pages::delete);
                pages.save(row(page));
            }
            setMeta(SearchIndex.STATE_ROW, change.searchState());
            return null;
        });
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

    private Post row(ParsedPost parsed) {
        FrontMatter fm = parsed.frontMatter();
        Instant published = fm.date().toInstant();
        Instant visibleFrom = visibleFrom(fm, site.preview());
        var body = parsed.body();
        return new Post(null, parsed.source().name(), parsed.source().hash(), parsed.slug(), parsed.guid(), fm.title(),
                parsed.summary(), body.html(), body.headings(), body.hasCode(), published,
                fm.updated() == null ? null : fm.updated().toInstant(), fm.draft(), visibleFrom, body.words(),
                body.readingMinutes());
    }

    /**
     * @param fm      a post's front matter
     * @param preview whether the site runs in preview mode
     * @return the post's {@code visible_from}: its date, never ({@code null}) for a draft, the
     *         epoch in preview mode (see {@code PostRepository.PUBLISHED})
     */
    static Instant visibleFrom(FrontMatter fm, boolean preview) {
        return preview ? Instant.EPOCH : fm.draft() ? null : fm.date().toInstant();
    }

    /** @return the paths of this site's pages that the post's body links to, for the link graph */
    private Set<String> linkedPaths(ParsedPost post) {
        Set<String> paths = new LinkedHashSet<>();
        for (String href : post.body().links()) {
            InternalLink.parse(href, site.base()).filter(l -> !l.samePage() && l.staticFile().isEmpty())
                    .ifPresent(l -> paths.add(l.path()));
        }
        return paths;
    }

    private Page row(ParsedPage parsed) {
        Instant updated = parsed.updated() != null ? parsed.updated().toInstant() : modified(parsed.source().name());
        return new Page(parsed.slug(), parsed.source().name(), parsed.source().hash(), parsed.title(),
                parsed.summary(), parsed.html(), parsed.data(), updated);
    }

    private static Instant modified(String file) {
        try {
            return Files.getLastModifiedTime(Path.of(file)).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file, e);
        }
    }
}
