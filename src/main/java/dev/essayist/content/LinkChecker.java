package dev.essayist.content;

import dev.essayist.site.StaticFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the internal links of every indexed post against the whole site: {@code /posts/x} must be
 * an essay (or an alias of one), {@code #y} and {@code /posts/x#y} must name an id in that essay
 * (a heading, a footnote), {@code /static/...} must be a static file (the folder's or the theme's),
 * and any other root-relative path must be a route's, an alias or a static file served at the root.
 * Links under the site's base URL count as internal. Problems are warnings: a link cannot
 * unpublish the essay it is in, since another file's change breaks it.
 *
 * <p>Keeps what it needs of each post (slug, ids, references), updated as files are indexed, so a
 * check needs no file to be read again. Not thread-safe for writes; the indexer serialises them.
 */
final class LinkChecker {

    /** What the check needs of one post. */
    private record Targets(String file, String slug, int bodyLine, Set<String> anchors, List<Reference> references) {
    }

    private final String base;
    private final Path statics;
    private final Map<String, Targets> byFile = new ConcurrentHashMap<>();

    /**
     * @param base    the site's base URL without trailing slash
     * @param statics the static folder, served at {@code /static/} and at the root
     */
    LinkChecker(String base, Path statics) {
        this.base = base;
        this.statics = statics.toAbsolutePath().normalize();
    }

    /** @param post a post just indexed; replaces what was known of its file */
    void put(ParsedPost post) {
        put(post.source().name(), post.slug(), post.source().bodyLine(), post.body().anchors(), post.body().references());
    }

    /**
     * @param file what the index stored of a post's file
     * @param slug the post's slug
     */
    void put(IndexedFile file, String slug) {
        put(file.path(), slug, file.bodyLine(), Set.copyOf(file.anchors()), file.linkRefs());
    }

    /**
     * Replaces what is known of a file's post, e.g. from the rows of a kept index.
     *
     * @param file       the file
     * @param slug       the post's slug
     * @param bodyLine   1-based file line on which the body starts
     * @param anchors    every id in the post's HTML
     * @param references the links and images written in the body, lines relative to the body
     */
    void put(String file, String slug, int bodyLine, Set<String> anchors, List<Reference> references) {
        byFile.put(file, new Targets(file, slug, bodyLine, anchors, references));
    }

    /** @return whether the targets of this file are known (read in this process, or loaded from its row) */
    boolean knows(String file) {
        return byFile.containsKey(file);
    }

    /** @param file a file whose post left the index */
    void remove(String file) {
        byFile.remove(file);
    }

    /**
     * @param aliasPaths every alias path in the index ({@code /posts/old-slug} links still work)
     * @return a warning for each broken internal link of each post, in file and line order
     */
    List<ContentProblem> check(Collection<String> aliasPaths) {
        Map<String, Targets> bySlug = new HashMap<>();
        byFile.values().forEach(t -> bySlug.put(t.slug(), t));
        Set<String> aliases = Set.copyOf(aliasPaths);
        List<ContentProblem> problems = new ArrayList<>();
        for (Targets post : byFile.values()) {
            for (Reference ref : post.references()) {
                String message = problem(post, ref, bySlug, aliases);
                if (message != null) {
                    problems.add(ContentProblem.warning(post.file(), post.bodyLine() - 1 + ref.line(), message));
                }
            }
        }
        problems.sort(ContentProblem.ORDER);
        return problems;
    }

    private String problem(Targets post, Reference ref, Map<String, Targets> bySlug, Set<String> aliases) {
        InternalLink link = InternalLink.parse(ref.url(), base).orElse(null);
        if (link == null) {
            return null;
        }
        String what = (ref.image() ? "image" : "link") + " '" + ref.url() + "'";
        String fragment = link.fragment();
        if (link.samePage()) {
            return fragment == null || post.anchors().contains(fragment) ? null
                    : what + ": this essay has no heading with the id '" + fragment + "'";
        }
        String slug = link.postSlug().orElse(null);
        if (slug != null) {
            Targets target = bySlug.get(slug);
            if (target == null) {
                return aliases.contains(link.path()) ? null : what + ": no essay has the slug '" + slug + "'";
            }
            return fragment == null || target.anchors().contains(fragment) ? null
                    : what + ": essay '" + slug + "' has no heading with the id '" + fragment + "'";
        }
        String file = link.staticFile().orElse(null);
        if (file != null) {
            return StaticFolder.exists(statics, file) ? null : what + ": no such file under the static folder";
        }
        return rootPath(link.path(), aliases) ? null : what + ": no route, essay, alias or static file has this path";
    }

    /**
     * @return whether a root-relative path other than an essay's or {@code /static/...} answers: a
     *         route's (its first segment is reserved), an alias, or a static file served at the root
     */
    private boolean rootPath(String path, Set<String> aliases) {
        String relative = path.substring(1);
        return Identities.RESERVED.contains(relative.split("/", 2)[0]) || aliases.contains(path)
                || StaticFolder.exists(statics, relative);
    }
}
