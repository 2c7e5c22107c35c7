package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.essayist.Await;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A search index whose files were overwritten is rebuilt from the rows, with one WARN line, and
 * until then {@code /search} answers an ordinary page: on a restart, and while serving.
 */
class SearchHealingTest {

    private final TestSite site = TestSite.create();
    private final Path indexDir = TestSite.tempFolder("essayist-search");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.essayist.search");

    @BeforeEach
    void setUp() {
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\n", "Alpha talks about wombats.\n");
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\n", "Beta talks about quokkas.\n");
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
    }

    @Test
    void aCorruptIndexFoundAtStartIsRebuiltWithOneWarning() {
        start((http, context) -> assertThat(found(http, "wombats")).containsExactly("Alpha"));
        corrupt(indexDir.resolve("search"));
        log.list.clear();

        start((http, context) -> {
            assertThat(http.get("/search?q=wombats").statusCode()).isEqualTo(200);
            Await.until(Duration.ofSeconds(20), "the rebuilt index finds the essay",
                    () -> found(http, "wombats").equals(List.of("Alpha")));
            assertThat(health(http, context).get("state").getStringValue()).isEqualTo("ready");
        });
        assertThat(warnings()).singleElement().asString().contains("cannot be read").contains("rebuilding it from the rows");

        log.list.clear();
        start((http, context) -> assertThat(found(http, "wombats")).containsExactly("Alpha"));
        assertThat(warnings()).as("the rebuilt index is kept").isEmpty();
    }

    @Test
    void anIndexOverwrittenWhileServingNeverFailsASearchAndHeals() {
        start((http, context) -> {
            assertThat(found(http, "wombats")).containsExactly("Alpha");
            corrupt(indexDir.resolve("search"));
            for (String word : List.of("wombats", "quokkas", "alpha", "beta")) {
                assertThat(http.get("/search?q=" + word).statusCode()).as(word).isEqualTo(200);
            }
            site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\n", "Alpha now talks about numbats.\n");
            context.getBean(ContentIndexer.class).reindex();
            Await.until(Duration.ofSeconds(20), "the edit is found", () -> found(http, "numbats").equals(List.of("Alpha")));
        });
        start((http, context) -> {
            Await.until(Duration.ofSeconds(20), "the edit is found after a restart",
                    () -> found(http, "numbats").equals(List.of("Alpha")));
            assertThat(found(http, "quokkas")).containsExactly("Beta");
            assertThat(health(http, context).get("state").getStringValue()).isEqualTo("ready");
        });
        assertThat(warnings()).allSatisfy(w -> assertThat(w).contains("rebuilding it from the rows"));
    }

    @Test
    void anIndexWrittenInAnotherFormatIsRebuiltWithOneInfoLine() throws IOException {
        start((http, context) -> assertThat(found(http, "wombats")).containsExactly("Alpha"));
        // As an older Essayist left it: the same rows' state, another format.
        try (Directory folder = FSDirectory.open(indexDir.resolve("search"));
             IndexWriter writer = new IndexWriter(folder, new IndexWriterConfig())) {
            Map<String, String> label = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> label.put(e.getKey(), e.getValue()));
            label.put("format", "1");
            writer.setLiveCommitData(label.entrySet());
            writer.commit();
        }
        log.list.clear();
        start((http, context) -> assertThat(found(http, "wombats")).containsExactly("Alpha"));
        assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("not in step")))
                .singleElement().asString().contains("(format 1, not " + IndexCommits.FORMAT + ")");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aFolderInUseByAnotherProcessIsLeftAloneAndSearchRunsFromMemory() throws IOException {
        start((http, context) -> assertThat(found(http, "wombats")).containsExactly("Alpha"));
        log.list.clear();
        try (Directory folder = FSDirectory.open(indexDir.resolve("search"));
             IndexWriter holder = new IndexWriter(folder, new IndexWriterConfig())) {
            start((http, context) -> {
                assertThat(found(http, "wombats")).containsExactly("Alpha");
                assertThat(health(http, context).get("index").getStringValue()).isEqualTo("(in memory)");
            });
            assertThat(holder.getDocStats().numDocs).as("the other process's index is untouched").isEqualTo(2);
        }
        assertThat(warnings()).singleElement().asString().contains("in use by another process");
    }

    /** Starts the server on file indexes, runs {@code check} with a client, stops it. */
    private void start(BiConsumer<Http, ApplicationContext> check) {
        Map<String, Object> props = new HashMap<>(site.properties());
        props.put("datasources.default.url", "jdbc:h2:file:" + indexDir.resolve("index"));
        props.put("essayist.search.index-dir", indexDir.resolve("search").toString());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            check.accept(new Http(server.getURI()), server.getApplicationContext());
        }
    }

    /** @return the titles found, or {@code null} when the page was not a 200 */
    private static List<String> found(Http http, String words) {
        var response = http.get("/search?q=" + words);
        return response.statusCode() != 200 ? null
                : Jsoup.parse(response.body()).select(".search-results h2 a").eachText();
    }

    private static JsonNode health(Http http, ApplicationContext context) {
        try {
            JsonNode body = context.getBean(JsonMapper.class).readValue(http.get("/health").body(), JsonNode.class);
            assertThat(body.get("status").getStringValue()).isEqualTo("UP");
            return body.get("details").get("search").get("details");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Inverts 16 bytes in the middle of every file of the index, in place (as a failing disk would). */
    private static void corrupt(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    long at = channel.size() / 2;
                    ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(16, channel.size() - at));
                    channel.read(bytes, at);
                    for (int i = 0; i < bytes.limit(); i++) {
                        bytes.put(i, (byte) ~bytes.get(i));
                    }
                    bytes.rewind();
                    channel.write(bytes, at);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
