package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The identity rules as a pure function: no database, no server. */
class IdentitiesTest {

    private final PostReader reader = new PostReader(ZoneId.of("UTC"), new MarkdownRenderer());

    private ParsedPost post(String file, String frontMatter) throws ContentException {
        String text = "---\n" + frontMatter + "---\nBody.\n";
        return reader.parse(SourceFile.parse(text.getBytes(StandardCharsets.UTF_8), file), file.substring(file.lastIndexOf('/') + 1));
    }

    private static Identities.Claim claim(String file, String slug, String guid, String... aliases) {
        return new Identities.Claim(file, "/posts/" + slug, guid, List.of(aliases));
    }

    @Test
    void anAddressHeldByAnIndexedFileGivesTheNewcomerANumberedSlugWithAWarning() throws ContentException {
        ParsedPost newcomer = post("posts/b.md", "title: B\ndate: 2025-01-02\nslug: taken\n");
        Identities.Decision decision = Identities.decide(List.of(newcomer),
                Map.of("posts/a.md", claim("posts/a.md", "taken", "id-a")), Set.of());
        assertThat(decision.rejected()).isEmpty();
        assertThat(decision.accepted()).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo("/posts/taken-2");
            assertThat(post.warnings()).extracting(Object::toString).containsExactly("posts/b.md:4: warning: the address"
                    + " '/posts/taken' is already used by posts/a.md; this post is published at '/posts/taken-2'"
                    + " (set 'slug' or 'url' to choose)");
        });
    }

    @Test
    void anOwnUrlHeldByAnotherFileIsAnErrorNamingIt() throws ContentException {
        ParsedPost newcomer = post("posts/b.md", "title: B\ndate: 2025-01-02\nurl: /posts/taken\n");
        Identities.Decision decision = Identities.decide(List.of(newcomer),
                Map.of("posts/a.md", claim("posts/a.md", "taken", "id-a")), Set.of());
        assertThat(decision.rejected().get("posts/b.md").toString())
                .isEqualTo("posts/b.md:4: error: the address '/posts/taken' (slug 'b') is already used by posts/a.md");
    }

    @Test
    void aGoneFileReleasesItsIdentities() throws ContentException {
        ParsedPost newcomer = post("posts/b.md", "title: B\ndate: 2025-01-02\nslug: taken\n");
        Identities.Decision decision = Identities.decide(List.of(newcomer),
                Map.of("posts/a.md", claim("posts/a.md", "taken", "id-a")), Set.of("posts/a.md"));
        assertThat(decision.accepted()).containsExactly(newcomer);
    }

    @Test
    void twoNewPostsWithOneSlugKeepItForTheEarlierDated() throws ContentException {
        ParsedPost later = post("posts/a.md", "title: A\ndate: 2025-02-01\nslug: same\n");
        ParsedPost earlier = post("posts/b.md", "title: B\ndate: 2025-01-02\nslug: same\n");
        Identities.Decision decision = Identities.decide(List.of(later, earlier), Map.of(), Set.of());
        assertThat(decision.rejected()).isEmpty();
        assertThat(decision.accepted()).extracting(ParsedPost::path).containsExactly("/posts/same", "/posts/same-2");
        assertThat(decision.accepted().get(1).source().name()).isEqualTo("posts/a.md");
    }

    @Test
    void aRejectedFileKeepsItsOldIdentitiesSoNoOtherFileCanTakeThem() throws ContentException {
        // a.md held /old; its new version wants c.md's id, so its old row (and address) stay; b.md
        // now wants /old as its own url and must be rejected too, or the write would fail.
        ParsedPost a = post("posts/a.md", "title: A\ndate: 2025-01-01\nid: id-c\n");
        ParsedPost b = post("posts/b.md", "title: B\ndate: 2025-01-02\nurl: /posts/old\n");
        Identities.Decision decision = Identities.decide(List.of(a, b), Map.of(
                "posts/a.md", claim("posts/a.md", "old", "id-a"),
                "posts/c.md", claim("posts/c.md", "c", "id-c")), Set.of());
        assertThat(decision.accepted()).isEmpty();
        assertThat(decision.rejected().get("posts/a.md").message()).isEqualTo("id 'id-c' is already used by posts/c.md");
        assertThat(decision.rejected().get("posts/b.md").message())
                .isEqualTo("the address '/posts/old' (slug 'b') is already used by posts/a.md");
    }

    @Test
    void anAliasMayNeitherShadowARouteNorNameAnotherEssay() throws ContentException {
        ParsedPost route = post("posts/a.md", "title: A\ndate: 2025-01-01\naliases: [/feed.xml]\n");
        ParsedPost other = post("posts/b.md", "title: B\ndate: 2025-01-02\naliases: [/posts/c]\n");
        Identities.Decision decision = Identities.decide(List.of(route, other),
                Map.of("posts/c.md", claim("posts/c.md", "c", "id-c")), Set.of());
        assertThat(decision.rejected().get("posts/a.md").message()).isEqualTo("alias '/feed.xml' collides with the route /feed.xml");
        assertThat(decision.rejected().get("posts/b.md").message()).isEqualTo("alias '/posts/c' is already used by posts/c.md");
    }

    @Test
    void aFileMayKeepItsOwnIdentitiesWhenItChanges() throws ContentException {
        ParsedPost a = post("posts/a.md", "title: A, edited\ndate: 2025-01-01\nslug: a\nid: id-a\naliases: [/old-a]\n");
        Identities.Decision decision = Identities.decide(List.of(a),
                Map.of("posts/a.md", claim("posts/a.md", "a", "id-a", "/old-a")), Set.of());
        assertThat(decision.accepted()).containsExactly(a);
    }
}
