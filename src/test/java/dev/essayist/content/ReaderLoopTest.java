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
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Readers request pages while the author creates, edits, breaks and deletes files: no request
 * ever fails with a 5xx, and no list or feed ever names an essay whose own page is a 404.
 *
 * <p>To compare two responses against one state of the index, the list and the essays it links
 * are read while holding the indexer's monitor ({@link ContentIndexer#reindex()} is synchronized),
 * so no reindex can commit between them; everything else is read freely while the files change.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderLoopTest implements TestPropertyProvider {

    private static final int CHANGES = 40;
    private static final Duration PAUSE = Duration.ofMillis(30);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final List<String> PAGES = List.of("/", "/archive", "/tags", "/tags/loop", "/feed.xml",
            "/tags/loop/feed.xml", "/page/2", "/posts/essay-0", "/health");

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Override
    public Map<String, String> getProperties() {
        site.post("2024-01-01-anchor.md", "title: Anchor\ndate: 2024-01-01\ntags: [Loop]\n", "Always here.\n");
        Map<String, String> props = new HashMap<>(site.properties());
        props.put("micronaut.io.watch.enabled", "true");
        props.put("essayist.page-size", "3");
        return props;
    }

    @Test
    void readersNeverSeeAServerErrorOrAListedEssayThatIsMissing() throws Exception {
        Http http = new Http(server.getURI());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread author = new Thread(() -> {
            try {
                for (int i = 0; i < CHANGES; i++) {
                    change(i);
                    Thread.sleep(PAUSE.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                failures.add("author failed: " + e);
            } finally {
                writing.set(false);
            }
        }, "author");
        author.start();

        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int rounds = 0;
        while ((writing.get() || rounds == 0) && System.nanoTime() < deadline) {
            rounds++;
            for (String path : PAGES) {
                int status = http.get(path).statusCode();
                if (status >= 500) {
                    failures.add("GET " + path + " answered " + status);
                }
            }
            synchronized (indexer) {
                for (String listed : listedEssays(http)) {
                    int status = http.get(listed).statusCode();
                    if (status != 200) {
                        failures.add(listed + " is listed but answered " + status);
                    }
                }
            }
        }
        author.join(DEADLINE.toMillis());
        assertThat(failures).isEmpty();
        assertThat(rounds).isPositive();
        // And the site settles on what is on disk: essays 0..39 minus the deleted ones.
        Await.until(Duration.ofSeconds(5), "the last change served",
                () -> http.get("/posts/essay-" + (CHANGES - 1)).statusCode() == 200);
    }

    /** Change {@code i}: create essay i; edit i-1; break i-2 (its last good version stays); delete i-3. */
    private void change(int i) throws IOException {
        site.post(name(i), front(i, "2025-01-01"), "Essay " + i + ", first version.\n");
        if (i >= 1) {
            site.post(name(i - 1), front(i - 1, "2025-01-01"), "Essay " + (i - 1) + ", edited.\n");
        }
        if (i >= 2) {
            site.post(name(i - 2), front(i - 2, "2025-02-30"), "Broken.\n");
        }
        if (i >= 3 && i % 2 == 1) {
            Files.deleteIfExists(site.posts().resolve(name(i - 3)));
        }
    }

    private static String name(int i) {
        return "2025-01-01-essay-" + i + ".md";
    }

    private static String front(int i, String date) {
        return "title: Essay " + i + "\ndate: " + date + "\ntags: [Loop]\n";
    }

    /** Every essay the index pages and the feed link to, as root-relative paths. */
    private static List<String> listedEssays(Http http) throws Exception {
        List<String> paths = new ArrayList<>();
        for (String page : List.of("/", "/page/2", "/tags/loop")) {
            var response = http.get(page);
            if (response.statusCode() == 200) {
                org.jsoup.Jsoup.parse(response.body()).select(".post-summary h2 a").eachAttr("href").forEach(paths::add);
            }
        }
        var feed = new com.rometools.rome.io.SyndFeedInput().build(new StringReader(http.get("/feed.xml").body()));
        feed.getEntries().forEach(e -> paths.add(e.getLink().replace("https://essays.example.com", "")));
        return paths;
    }
}
