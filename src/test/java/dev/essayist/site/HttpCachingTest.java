package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.Await;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conditional GET, HEAD, Cache-Control and compression, as RFC 9110 describes them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpCachingTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @ParameterizedTest
    @ValueSource(strings = {"/posts/alpha", "/", "/tags/postgresql", "/tags", "/archive", "/about", "/feed.xml",
        "/atom.xml", "/feed.json", "/tags/postgresql/feed.xml", "/tags/postgresql/atom.xml", "/sitemap.xml",
        "/robots.txt", "/static/css/site.css"})
    void repeatedConditionalRequestAnswers304WithTheSameValidators(String path) {
        Http http = new Http(server.getURI());
        HttpResponse<String> first = http.get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.headers().firstValue("Cache-Control")).isPresent();
        String vary = first.headers().firstValue("Vary").orElseThrow();
        assertThat(vary).endsWith("Accept-Encoding");

        HttpResponse<String> byTag = http.get(path, "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byTag.headers().firstValue("Cache-Control")).isEqualTo(first.headers().firstValue("Cache-Control"));
        assertThat(byTag.headers().firstValue("Vary")).hasValue(vary);

        assertThat(http.get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(http.get(path, "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
        // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
        assertThat(http.get(path, "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(200);
        assertThat(http.get(path, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void changedEssayGetsANewEtagAnd200() throws IOException {
        Http http = new Http(server.getURI());
        var file = site.post("2025-08-01-edit.md", "title: Edit me\ndate: 2025-08-01\n", "One.\n");
        indexer.reindex();
        String etag = http.get("/posts/edit").headers().firstValue("ETag").orElseThrow();
        String feedEtag = http.get("/feed.xml").headers().firstValue("ETag").orElseThrow();

        Files.writeString(file, "---\ntitle: Edit me\ndate: 2025-08-01\n---\nTwo.\n");
        indexer.reindex();
        HttpResponse<String> after = http.get("/posts/edit", "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(after.body()).contains("Two.");
        assertThat(http.get("/feed.xml", "If-None-Match", feedEtag).statusCode()).isEqualTo(200);
        Files.delete(file);
        indexer.reindex();
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<String> get = new Http(server.getURI()).get("/posts/alpha");
        HttpResponse<String> head = new Http(server.getURI()).send("HEAD", "/posts/alpha");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
    }

    @Test
    void textIsGzippedWhenAskedFor() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/posts/alpha")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String html = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>Alpha &amp; Omega</h1>");
    }

    @Test
    void staticFilesAreFingerprintedAndCachedLongOnlyWithTheFingerprint() throws IOException {
        Http http = new Http(server.getURI());
        String css = http.html("/").selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/static/css/site\\.css\\?v=[A-Za-z0-9_-]{10}");
        assertThat(http.get(css).headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(http.get("/static/css/site.css").headers().firstValue("Cache-Control")).hasValue("public, max-age=300");

        Files.writeString(site.statics().resolve("css/site.css"), "body { color: navy; }\n");
        // Pages pick up the new fingerprint once StaticFiles rechecks it (every quarter second).
        Await.until(Duration.ofSeconds(2), "the page links the new stylesheet",
                () -> !http.html("/").selectFirst("link[rel=stylesheet]").attr("href").equals(css));
        String changed = http.html("/").selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(http.get(changed).body()).contains("navy");
    }
}
