package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.Await;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Live publishing over a real folder and Micronaut's file watcher: every change an author makes
 * is served without a restart and without anyone calling the indexer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePublishingTest implements TestPropertyProvider {

    /**
     * The promise is 1 s (about 0.2 s measured: 150 ms of quiet, then the reindex); the test allows
     * 1 s more so that a loaded CI machine does not fail it.
     */
    static final Duration BOUND = Duration.ofSeconds(2);

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    Http http;

    @Override
    public Map<String, String> getProperties() {
        site.post("2025-01-01-first.md", "title: First\ndate: 2025-01-01\n", "The first essay.\n");
        Map<String, String> props = new HashMap<>(site.properties());
        props.put("micronaut.io.watch.enabled", "true");
        return props;
    }

    private Http http() {
        if (http == null) {
            http = new Http(server.getURI());
        }
        return http;
    }

    private String paragraph(String path) {
        var response = http().get(path);
        return response.statusCode() == 200
                ? org.jsoup.Jsoup.parse(response.body()).select(".prose p").text() : "HTTP " + response.statusCode();
    }

    private boolean listed(String path) {
        return http().html("/").select(".post-summary h2 a[href=" + path + "]").size() == 1;
    }

    @Test
    @Order(1)
    void createdEssayIsServedOnItsPageTheIndexAndTheFeed() {
        site.post("2025-02-01-live.md", "title: Live\ndate: 2025-02-01\ntags: [Live]\n", "Version one.\n");
        Await.until(BOUND, "/posts/live served", () -> paragraph("/posts/live").equals("Version one."));
        assertThat(listed("/posts/live")).isTrue();
        assertThat(http().get("/feed.xml").body()).contains("https://essays.example.com/posts/live");
        assertThat(http().get("/tags/live").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void editedEssayIsServedInItsNewVersion() {
        site.post("2025-02-01-live.md", "title: Live\ndate: 2025-02-01\ntags: [Live]\n", "Version two.\n");
        Await.until(BOUND, "version two served", () -> paragraph("/posts/live").equals("Version two."));
    }

    @Test
    @Order(3)
    void brokenEssayKeepsItsLastGoodVersionAndIsReported() {
        Path file = site.post("2025-02-01-live.md", "title: Live\ndate: 2025-02-31\n", "Version three.\n");
        Await.until(BOUND, "the problem reported", () -> indexer.problems().stream()
                .anyMatch(p -> p.file().equals(file.toString()) && p.line() == 3));
        assertThat(paragraph("/posts/live")).isEqualTo("Version two.");
        assertThat(http().get("/health").body()).contains(file + ":3: error: 'date' is not a date: \\\"2025-02-31\\\"");
    }

    @Test
    @Order(4)
    void fixedEssayIsServedAndItsProblemCleared() {
        site.post("2025-02-01-live.md", "title: Live\ndate: 2025-02-01\n", "Version four.\n");
        Await.until(BOUND, "version four served", () -> paragraph("/posts/live").equals("Version four."));
        assertThat(indexer.problems()).isEmpty();
    }

    @Test
    @Order(5)
    void renamedFileMovesTheEssay() throws IOException {
        Files.move(site.posts().resolve("2025-02-01-live.md"), site.posts().resolve("2025-02-01-moved.md"));
        Await.until(BOUND, "/posts/moved served", () -> paragraph("/posts/moved").equals("Version four."));
        assertThat(http().get("/posts/live").statusCode()).isEqualTo(404);
        assertThat(listed("/posts/live")).isFalse();
    }

    @Test
    @Order(6)
    void deletedFileIsGoneEverywhere() throws IOException {
        Files.delete(site.posts().resolve("2025-02-01-moved.md"));
        Await.until(BOUND, "/posts/moved gone", () -> http().get("/posts/moved").statusCode() == 404);
        assertThat(listed("/posts/moved")).isFalse();
        assertThat(http().get("/feed.xml").body()).doesNotContain("/posts/moved");
        assertThat(http().get("/tags/live").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void editorSaveThroughSwapAndTemporaryFilesPublishesOnlyThePost() throws IOException {
        // The way vim and many editors save: a swap file, a backup, then write a temporary file
        // and rename it over the post.
        Files.writeString(site.posts().resolve(".2025-03-01-saved.md.swp"), "not markdown");
        Files.writeString(site.posts().resolve("2025-03-01-saved.md~"), "---\ntitle: Backup\n");
        Files.writeString(site.posts().resolve(".#2025-03-01-saved.md"), "lock");
        Path temporary = site.write(".2025-03-01-saved.md.tmp", "---\ntitle: Saved\ndate: 2025-03-01\n---\nSaved.\n");
        Files.move(temporary, site.posts().resolve("2025-03-01-saved.md"), StandardCopyOption.ATOMIC_MOVE);
        Await.until(BOUND, "/posts/saved served", () -> paragraph("/posts/saved").equals("Saved."));
        assertThat(indexer.problems()).isEmpty();
        assertThat(http().html("/").select(".post-summary h2 a").eachAttr("href"))
                .containsExactly("/posts/saved", "/posts/first");
    }
}
