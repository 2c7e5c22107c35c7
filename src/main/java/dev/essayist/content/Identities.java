package dev.essayist.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.essayist.site.Routes;

/**
 * Who may hold which identity: every post's feed id and URL paths (its canonical path and its
 * aliases) belong to one file only, and no path may shadow a route (design.md invariant 4). When
 * the permalink leaves the date out, two posts with one slug would share an address: the later
 * one is given a numbered slug ({@code slug-2}) with a warning instead of being left out.
 * A pure function of the posts just parsed and the posts the index keeps.
 *
 * <p>The index's rows win: a parsed post whose identity another file's row holds is rejected with
 * a problem naming that file, and keeps its own last good rows, whose identities then stay taken
 * too; so the decision is repeated until no new post is rejected.
 */
final class Identities {


    /**
     * The identities a post holds in the index.
     *
     * @param file    its file
     * @param path    its canonical path without a trailing slash
     * @param guid    its feed id
     * @param aliases its alias paths, normalised (no trailing slash)
     */
    record Claim(String file, String path, String guid, Collection<String> aliases) {
    }

    /**
     * @param accepted the parsed posts that may be written, in the order given
     * @param rejected the others, by file, each with the conflict that keeps it out
     */
    record Decision(List<ParsedPost> accepted, Map<String, ContentProblem> rejected) {
    }

    private Identities() {
    }

    /**
     * @param posts   the posts parsed by this reindex (the earlier dated wins an address among them)
     * @param indexed the posts in the index, by file, before this reindex
     * @param gone    files whose posts leave the index
     * @return which parsed posts may take their identities
     */
    static Decision decide(List<ParsedPost> posts, Map<String, Claim> indexed, Set<String> gone) {
        List<ParsedPost> parsed = posts.stream().sorted(java.util.Comparator.comparing((ParsedPost p) -> p.frontMatter().date())
                .thenComparing(p -> p.source().name())).toList();
        Map<String, ContentProblem> rejected = new LinkedHashMap<>();
        while (true) {
            Map<String, String> claims = new HashMap<>();
            Set<String> replaced = new java.util.HashSet<>();
            parsed.stream().map(p -> p.source().name()).filter(f -> !rejected.containsKey(f)).forEach(replaced::add);
            indexed.values().stream().filter(c -> !gone.contains(c.file()) && !replaced.contains(c.file()))
                    .forEach(c -> register(claims, c));
            List<ParsedPost> accepted = new ArrayList<>();
            Map<String, ContentProblem> more = new LinkedHashMap<>();
            for (ParsedPost candidate : parsed) {
                if (rejected.containsKey(candidate.source().name())) {
                    continue;
                }
                ParsedPost post = distinct(candidate, claims);
                ContentProblem conflict = conflict(post, claims);
                if (conflict == null) {
                    accepted.add(post);
                    register(claims, claimOf(post));
                } else {
                    more.put(post.source().name(), conflict);
                }
            }
            if (more.isEmpty()) {
                return new Decision(accepted, rejected);
            }
            rejected.putAll(more);
        }
    }

    /**
     * @param post   a parsed post
     * @param claims the paths and ids taken so far
     * @return the post, or, when another post already holds its address and its address comes from
     *         its slug, the post under the first free numbered slug ({@code slug-2}, {@code slug-3}),
     *         with a warning
     */
    private static ParsedPost distinct(ParsedPost post, Map<String, String> claims) {
        String holder = claims.get("path " + post.pathKey());
        int at = post.path().lastIndexOf(post.slug());
        if (holder == null || holder.equals(post.source().name()) || post.frontMatter().url() != null || at < 0) {
            return post;
        }
        for (int n = 2; n < 100; n++) {
            String slug = post.slug() + "-" + n;
            String path = post.path().substring(0, at) + slug + post.path().substring(at + post.slug().length());
            if (!claims.containsKey("path " + Permalink.key(path))) {
                return post.withSlug(slug, path).withWarning(ContentProblem.warning(post.source().name(),
                        post.line("slug"), "the address '" + post.path() + "' is already used by " + holder
                                + "; this post is published at '" + path + "' (set 'slug' or 'url' to choose)"));
            }
        }
        return post;
    }

    /**
     * @param alias an alias as written, e.g. {@code /2025/03/old/}
     * @return it without a trailing slash, as stored and matched
     */
    static String normalise(String alias) {
        return alias.length() > 1 && alias.endsWith("/") ? alias.substring(0, alias.length() - 1) : alias;
    }

    /**
     * @param post a parsed post
     * @return the identities it would hold
     */
    static Claim claimOf(ParsedPost post) {
        return new Claim(post.source().name(), post.pathKey(), post.guid(), post.aliases());
    }

    private static void register(Map<String, String> claims, Claim claim) {
        claims.put("id " + claim.guid(), claim.file());
        claims.put("path " + claim.path(), claim.file());
        claim.aliases().forEach(a -> claims.putIfAbsent("path " + a, claim.file()));
    }

    private static ContentProblem conflict(ParsedPost post, Map<String, String> claims) {
        String name = post.source().name();
        String urlKey = post.frontMatter().url() != null ? (post.keyLines().containsKey("url") ? "url" : "permalink") : "slug";
        String route = reserved(post.pathKey());
        if (route != null) {
            return ContentProblem.error(name, post.line(urlKey), "the address '" + post.path() + "' collides with the route /" + route);
        }
        String other = claims.get("path " + post.pathKey());
        if (other != null && !other.equals(name)) {
            return ContentProblem.error(name, post.line(urlKey), "the address '" + post.path() + "' (slug '" + post.slug()
                    + "') is already used by " + other);
        }
        if ((other = claims.get("id " + post.guid())) != null && !other.equals(name)) {
            return ContentProblem.error(name, post.line("id"), "id '" + post.guid() + "' is already used by " + other);
        }
        for (String alias : post.aliases()) {
            String aliasKey = post.keyLines().containsKey("aliases") ? "aliases" : "redirect_from";
            if ((route = reserved(alias)) != null) {
                return ContentProblem.error(name, post.line(aliasKey), "alias '" + alias + "' collides with the route /" + route);
            }
            if ((other = claims.get("path " + alias)) != null && !other.equals(name)) {
                return ContentProblem.error(name, post.line(aliasKey), "alias '" + alias + "' is already used by " + other);
            }
        }
        return null;
    }

    private static String reserved(String path) {
        return Routes.reserved(path);
    }
}
