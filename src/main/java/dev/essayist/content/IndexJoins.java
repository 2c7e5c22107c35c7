package dev.essayist.content;

import dev.essayist.post.Alias;
import dev.essayist.post.AliasRepository;
import dev.essayist.post.Link;
import dev.essayist.post.LinkRepository;
import dev.essayist.site.Slugs;
import dev.essayist.tag.Tag;
import dev.essayist.tag.TagRepository;
import dev.essayist.tag.Tagging;
import dev.essayist.tag.TaggingRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tag, alias and link rows of posts, collected and then saved in one batch each. A post's
 * paths under earlier permalinks become aliases too, unless another address holds them.
 */
final class IndexJoins {
    private final TagRepository tags;
    private final TaggingRepository taggings;
    private final AliasRepository aliases;
    private final LinkRepository links;
    private final String base;
    private final Map<String, Long> tagIds;
    private final Set<String> taken;
    private final List<Permalink> formers;
    private final List<Tagging> tagged = new ArrayList<>();
    private final List<Alias> aliased = new ArrayList<>();
    private final List<Link> linked = new ArrayList<>();

    /**
     * @param repositories the tags, taggings, aliases and links to read and write
     * @param base    the site's base URL, to tell internal links
     * @param tagIds  tag ids by slug, found or created so far in this transaction
     * @param taken   paths already held (canonical paths and aliases)
     * @param formers the permalinks used before the current one
     */
    IndexJoins(Repositories repositories, String base, Map<String, Long> tagIds, Set<String> taken, List<Permalink> formers) {
        this.tags = repositories.tags();
        this.taggings = repositories.taggings();
        this.aliases = repositories.aliases();
        this.links = repositories.links();
        this.base = base;
        this.tagIds = tagIds;
        this.taken = taken;
        this.formers = formers;
    }

    /**
     * The repositories the join rows are read from and written to.
     *
     * @param tags      tags, found or created
     * @param taggings  which post carries which tag
     * @param aliases   old paths
     * @param links     the link graph
     */
    record Repositories(TagRepository tags, TaggingRepository taggings, AliasRepository aliases, LinkRepository links) {
    }

    /**
     * @param id   the post's generated id
     * @param post the post
     */
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
        Rows.linkedPaths(post, base).forEach(path -> linked.add(Link.of(id, path)));
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
