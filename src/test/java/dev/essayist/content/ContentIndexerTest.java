package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import dev.essayist.post.PostRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentIndexerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Inject
    PostRepository posts;

    @Test
    void brokenFileIsLeftOutWithItsProblemAndTheRestIsServed() {
        assertThat(indexer.problems()).extracting(Object::toString)
                .containsExactly(site.posts().resolve("2025-04-01-broken.md") + ":2: error: 'title' is missing; every post needs a title");
        assertThat(new Http(server.getURI()).get("/posts/alpha").statusCode()).isEqualTo(200);
    }

    @Test
    void keepsLastGoodVersionWhenFrontMatterBreaks() throws IOException {
        Http http = new Http(server.getURI());
        var file = site.post("2025-05-01-kept.md", "title: Kept\ndate: 2025-05-01\n", "Version one.\n");
        indexer.reindex();
        assertThat(http.html("/posts/kept").select(".prose p").text()).isEqualTo("Version one.");

        Files.writeString(file, "---\ntitle: Kept\ndate: 2025-05-32\n---\nVersion two.\n");
        ContentIndexer.Report report = indexer.reindex();
        assertThat(report.problems()).filteredOn(p -> p.file().equals(file.toString()))
                .extracting(ContentProblem::line, ContentProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3,
                        "'date' is not a date: \"2025-05-32\" (use ISO-8601, e.g. 2025-03-14 or 2025-03-14T09:00:00-05:00)"));
        assertThat(http.html("/posts/kept").select(".prose p").text()).isEqualTo("Version one.");

        Files.writeString(file, "---\ntitle: Kept\ndate: 2025-05-01\n---\nVersion three.\n");
        indexer.reindex();
        assertThat(http.html("/posts/kept").select(".prose p").text()).isEqualTo("Version three.");
        assertThat(indexer.problems()).noneMatch(p -> p.file().endsWith("kept.md"));

        Files.delete(file);
        indexer.reindex();
        assertThat(http.get("/posts/kept").statusCode()).isEqualTo(404);
    }

    @Test
    void unchangedFilesAreNotWrittenAgain() {
        indexer.reindex();
        ContentIndexer.Report report = indexer.reindex();
        assertThat(report.written()).isZero();
        assertThat(report.removed()).isZero();
    }

    @Test
    void changingOneFileRewritesOnlyThatFilesRows() throws IOException {
        Map<String, Long> before = ids();
        Path alpha = site.posts().resolve("2025-01-10-alpha.md");
        Files.writeString(alpha, Files.readString(alpha) + "\nOne more paragraph.\n");
        ContentIndexer.Report report = indexer.reindex();
        assertThat(report.written()).isEqualTo(1);
        Map<String, Long> after = ids();
        assertThat(after.get(alpha.toString())).isNotEqualTo(before.get(alpha.toString()));
        before.remove(alpha.toString());
        after.remove(alpha.toString());
        assertThat(after).isEqualTo(before).isNotEmpty();
    }

    private Map<String, Long> ids() {
        Map<String, Long> ids = new HashMap<>();
        posts.findSources().forEach(s -> ids.put(s.sourcePath(), s.id()));
        return ids;
    }

    @Test
    void aSecondPostAtATakenAddressIsPublishedUnderANumberedSlugNamingTheOtherFile() throws IOException {
        var other = site.post("2025-06-01-other.md", "title: Other\ndate: 2025-06-01\nslug: alpha\n", "Same slug.\n");
        ContentIndexer.Report report = indexer.reindex();
        assertThat(report.problems()).extracting(Object::toString).containsExactly(site.posts().resolve("2025-06-01-other.md")
                + ":4: warning: the address '/posts/alpha' is already used by " + site.posts().resolve("2025-01-10-alpha.md")
                + "; this post is published at '/posts/alpha-2' (set 'slug' or 'url' to choose)");
        assertThat(new Http(server.getURI()).html("/posts/alpha").selectFirst("h1").text()).isEqualTo("Alpha & Omega");
        assertThat(new Http(server.getURI()).html("/posts/alpha-2").selectFirst("h1").text()).isEqualTo("Other");
        Files.delete(other);
        indexer.reindex();
    }
}
