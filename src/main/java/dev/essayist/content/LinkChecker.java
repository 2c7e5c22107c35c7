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
 * Checks the internal links of every indexed post against the whole site, as the server and
 * {@code export} answer them: a root-relative link (or one under the site's base URL) must reach an
 * essay, an alias of one (a {@code 301} to it is fine), a file of the static folder (under
 * {@code /static/} or at the root, as Hugo and Jekyll serve it) or one of Essayist's routes; a
 * fragment ({@code #y}, {@code /posts/x#y}) must name an id in that essay (a heading, a footnote).
 * Problems are warnings: a link cannot unpublish the essay it is in, since another file's change
 * breaks it.
 *
 * <p>Keeps what it needs of each post (path, ids, references), updated as files are indexed, so a
 * check needs no file to be read again. Not thread-safe for writes; the indexer serialises them.
 */
final class LinkChecker {

    /** What the check needs of one post. */
    private record Targets(String file, String pathKey, int bodyLine, Set<String> anchors, List<Reference> references) {
    }

    private final String base;
    private final Path statics;
    private final Map<String, Targets> byFile = new ConcurrentHashMap<>();

    /**
     * @param base    the site's base URL without trailing slash
     * @param statics the static folder (served at {@code /static/} and at the root)
     */
    LinkChecker(String base, Path statics) {
        this.base = base;
        this.statics = statics.toAbsolutePath().normalize();
    }

    /** @param post a post just indexed; replaces what was known of its file */
    void put(ParsedPost post) {
        put(post.source().name(), post.pathKey(), post.source().bodyLine(), post.body().anchors(), post.body().references());
    }

    /**
     * @param file    what the index stored of a post's file
     * @param pathKey the post's path without a trailing slash
     */
    void put(IndexedFile file, String pathKey) {
        put(file.path(), pathKey, file.bodyLine(), Set.copyOf(file.anchors()), file.linkRefs());
    }

    private void put(String file, String pathKey, int bodyLine, Set<String> anchors, List<Reference> references) {
        byFile.put(file, new Targets(file, pathKey, bodyLine, anchors, references));
    }

    /** @param file a file whose post left the index */
    void remove(String file) {
        byFile.remove(file);
    }

    /**
     * @param aliasPaths every alias path in the index, without trailing slashes
     * @param slugs      every post's slug ({@code /posts/{slug}} leads to the post whatever the permalink)
     * @return a warning for each broken internal link of each post, in file and line order
     */
    List<ContentProblem> check(Collection<String> aliasPaths, Set<String> slugs) {
        Map<String, Targets> byPath = new HashMap<>();
        byFile.values().forEach(t -> byPath.put(t.pathKey(), t));
        Set<String> aliases = Set.copyOf(aliasPaths);
        List<ContentProblem> problems = new ArrayList<>();
        for (Targets post : byFile.values()) {
            for (Reference ref : post.references()) {
                String message = problem(post, ref, byPath, aliases, slugs);
                if (message != null) {
                    problems.add(ContentProblem.warning(post.file(), post.bodyLine() - 1 + ref.line(), message));
                }
            }
        }
        problems.sort(ContentProblem.ORDER);
        return problems;
    }

    private String problem(Targets post, Reference ref, Map<String, Targets> byPath, Set<String> aliases,
                           Set<String> slugs) {
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
        Targets target = byPath.get(link.path());
        if (target != null) {
            return fragment == null || target.anchors().contains(fragment) ? null
                    : what + ": essay '" + link.path() + "' has no heading with the id '" + fragment + "'";
        }
        if (aliases.contains(link.path()) || link.postSlug().filter(slugs::contains).isPresent()) {
            return null;
        }
        String file = link.staticFile().orElse(null);
        if (file != null) {
            return isStaticFile(file) ? null : what + ": no such file under the static folder";
        }
        if (isStaticFile(link.path().substring(1)) || isRoute(link.path())) {
            return null;
        }
        return what + ": no essay, alias or static file has the address '" + link.path() + "'";
    }

    /** @return whether a static file (the folder's or the theme's) is served at {@code /static/relative} and {@code /relative} */
    private boolean isStaticFile(String relative) {
        return StaticFolder.exists(statics, relative);
    }

    /** @return whether the path belongs to one of Essayist's own routes (tags, feeds, archive, ...) */
    private static boolean isRoute(String path) {
        return dev.essayist.site.Routes.reserved(path) != null;
    }
}
