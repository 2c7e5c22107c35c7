package dev.essayist.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.content.ContentIndexer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live-reload stream exists in preview mode only, and tells an open page when a post was saved. */
class LiveReloadControllerTest {

    private static EmbeddedServer start(TestSite site, boolean preview) {
        Map<String, Object> props = new HashMap<>(site.properties());
        props.put("essayist.preview", String.valueOf(preview));
        return ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    @Test
    void savedPostSendsAChangeEventNamingTheFile() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-01-a.md", "title: A\ndate: 2025-01-01", "First.\n");
        try (EmbeddedServer server = start(site, true)) {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.getURI().resolve("/_preview/events")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            List<String> read = new ArrayList<>();
            CompletableFuture<Void> untilChange = CompletableFuture.runAsync(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        read.add(line);
                        if (line.equals("event: change")) {
                            read.add(lines.readLine());
                            return;
                        }
                        if (line.equals("event: ready")) {
                            site.post("2025-01-01-a.md", "title: A\ndate: 2025-01-01", "Edited.\n");
                            server.getApplicationContext().getBean(ContentIndexer.class).reindex();
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            untilChange.get(10, TimeUnit.SECONDS);
            assertThat(read).contains("event: ready", "retry: 500", "event: change");
            assertThat(read.get(read.size() - 1)).startsWith("data: ").endsWith("2025-01-01-a.md");
            response.body().close();
        }
    }

    @Test
    void noStreamOutsidePreviewMode() throws Exception {
        TestSite site = TestSite.create();
        try (EmbeddedServer server = start(site, false)) {
            assertThat(new TestSite.Http(server.getURI()).get("/_preview/events").statusCode()).isEqualTo(404);
            assertThat(new TestSite.Http(server.getURI()).html("/").select("script[src*=live-reload]")).isEmpty();
        }
    }

    @Test
    void previewPagesLoadTheReloadScript() throws Exception {
        TestSite site = TestSite.create();
        try (EmbeddedServer server = start(site, true)) {
            assertThat(new TestSite.Http(server.getURI()).html("/").select("script[src^=/static/js/live-reload.js]")).hasSize(1);
        }
    }
}
