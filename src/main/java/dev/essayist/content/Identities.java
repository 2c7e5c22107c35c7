package dev.essayist.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may hold which identity: every post's slug, feed id and URL paths (its canonical path and
 * its aliases) belong to one file only, and no alias may shadow a route (design.md invariant 4).
 * A pure function of the posts just parsed and the posts the index keeps.
 *
 * <p>The index's rows win: a parsed post whose identity another file's row holds is rejected with
 * a problem naming that file, and keeps its own last good rows, whose identities then stay taken
 * too; so the decision is repeated until no new post is rejected.
 */
final class Identities {

    /** Root-level path segments that belong to routes, so an alias can neither be one nor shadow one. */
    static final Set<String> RESERVED = Set.of("", "posts", "tags", "page", "archive", "about", "search", "static",
            "health", "vendor", "_img", "_preview", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "favicon.ico");

    /**
     * The identities a post holds in the index.
     *
     * @param file    its file
     * @param slug    its slug
     * @param guid    its feed id
     * @param aliases its alias paths, normalised (no trailing slash)
     */
    record Claim(String file, String slug, String guid, Collection<String> aliases) {
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
     * @param parsed  the posts parsed by this reindex, in file order (earlier files win among them)
     * @param indexed the posts in the index, by file, before this reindex
     * @param gone    files whose posts leave the index
     * @return which parsed posts may take their identities
     */
    static Decision decide(List<ParsedPost> parsed, Map<String, Claim> indexed, Set<String> gone) {
        Map<String, ContentProblem> rejected = new LinkedHashMap<>();
        while (true) {
            Map<String, String> claims = new HashMap<>();
            Set<String> replaced = new java.util.HashSet<>();
            parsed.stream().map(p -> p.source().name()).filter(f -> !rejected.containsKey(f)).forEach(replaced::add);
            indexed.values().stream().filter(c -> !gone.contains(c.file()) && !replaced.contains(c.file()))
                    .forEach(c -> register(claims, c));
            List<ParsedPost> accepted = new ArrayList<>();
            Map<String, ContentProblem> more = new LinkedHashMap<>();
            for (ParsedPost post : parsed) {
                if (rejected.containsKey(post.source().name())) {
                    continue;
                }
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
        return new Claim(post.source().name(), post.slug(), post.guid(),
                post.frontMatter().aliases().stream().map(Identities::normalise).distinct().toList());
    }

    private static void register(Map<String, String> claims, Claim claim) {
        claims.put("slug " + claim.slug(), claim.file());
        claims.put("id " + claim.guid(), claim.file());
        claims.put("path /posts/" + claim.slug(), claim.file());
        claim.aliases().forEach(a -> claims.put("path " + a, claim.file()));
    }

    private static ContentProblem conflict(ParsedPost post, Map<String, String> claims) {
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
            if ((other = claims.get("path " + path)) != null && !other.equals(name)) {
                return ContentProblem.error(name, post.line("aliases"), "alias '" + alias + "' is already used by " + other);
            }
            if (path.startsWith("/posts/") && (other = claims.get("slug " + path.substring(7))) != null && !other.equals(name)) {
                return ContentProblem.error(name, post.line("aliases"), "alias '" + alias + "' is the URL of " + other);
            }
        }
        return null;
    }
}
