package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The static folder at the root, as Hugo and Jekyll serve it: {@code /img/x.png} is
 * {@code static/img/x.png} when no route claims the path; routes and aliases win; the theme's
 * favicon answers {@code /favicon.ico} unless the folder has one.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RootStaticFilesTest extends SiteFixture {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'r', 'o', 'o', 't'};
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    EmbeddedServer server;

    RootStaticFilesTest() {
        site.post("2025-05-01-moved.md", """
                title: Moved from Hugo
                date: 2025-05-01
                """, "A chart as Hugo wrote it: ![chart](/img/chart.png)\n");
        site.staticFile("img/chart.png", PNG);
        site.staticFile("img/two words.png", PNG);
        site.staticFile("feed.xml", "not the feed".getBytes(StandardCharsets.UTF_8));
        site.staticFile("2025/02/beta", "a stale copy of an old page".getBytes(StandardCharsets.UTF_8));
        site.staticFile("googlec0ffee.html", "google-site-verification: googlec0ffee.html".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(Theme.FOLDER + file)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anImageAnEssayLinksAtARootPathIsServedFromTheStaticFolder() {
        assertThat(new Http(server.getURI()).html("/posts/moved").select(".prose img").attr("src")).isEqualTo("/img/chart.png");
        HttpResponse<byte[]> image = get("/img/chart.png");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control")).hasValue(HttpCaching.PAGE_CACHE);
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(get("/img/two%20words.png").body()).isEqualTo(PNG);
        assertThat(new String(get("/googlec0ffee.html").body(), StandardCharsets.UTF_8)).startsWith("google-site-verification");
    }

    @Test
    void aRootStaticFileHasTheValidatorsOfTheSameFileUnderStatic() {
        HttpResponse<byte[]> root = get("/img/chart.png");
        HttpResponse<byte[]> underStatic = get("/static/img/chart.png");
        assertThat(root.headers().firstValue("ETag")).isPresent().isEqualTo(underStatic.headers().firstValue("ETag"));
        assertThat(root.headers().firstValue("Last-Modified")).isPresent()
                .isEqualTo(underStatic.headers().firstValue("Last-Modified"));
        HttpResponse<byte[]> again = get("/img/chart.png", "If-None-Match", root.headers().firstValue("ETag").orElseThrow());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(get("/img/chart.png?v=1").headers().firstValue("Cache-Control")).hasValue(StaticController.IMMUTABLE);
    }

    @Test
    void routesAndAliasesWinOverAStaticFileOfTheSamePath() {
        HttpResponse<byte[]> feed = get("/feed.xml");
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        assertThat(new String(feed.body(), StandardCharsets.UTF_8)).doesNotContain("not the feed");
        HttpResponse<byte[]> alias = get("/2025/02/beta");
        assertThat(alias.statusCode()).isEqualTo(301);
        assertThat(alias.headers().firstValue("Location")).hasValue("/posts/beta");
    }

    @Test
    void aPathNoRouteAliasOrFileClaimsIsTheNotFoundPage() {
        for (String path : new String[] {"/img/missing.png", "/img", "/img/chart.png/", "/.hidden", "/img/.chart.png"}) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8)).select("h1").text()).as(path)
                    .isEqualTo("Page not found");
        }
        HttpResponse<byte[]> post = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(server.getURI() + "/img/chart.png"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray()).join();
        assertThat(post.statusCode()).isIn(404, 405);
    }

    @Test
    void theFaviconIsTheThemesUntilTheFolderHasOne() throws IOException {
        HttpResponse<byte[]> theme = get("/favicon.ico");
        assertThat(theme.statusCode()).isEqualTo(200);
        assertThat(theme.body()).isEqualTo(bundled("favicon.ico"));
        assertThat(theme.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
        byte[] own = {0, 0, 1, 0, 'o', 'w', 'n'};
        site.staticFile("favicon.ico", own);
        try {
            assertThat(get("/favicon.ico").body()).isEqualTo(own);
        } finally {
            Files.delete(site.statics().resolve("favicon.ico"));
        }
        assertThat(get("/favicon.ico").body()).isEqualTo(bundled("favicon.ico"));
    }

    @Test
    void anEditedFileIsServedAtTheRootAtOnceNotKeptByThePageCache() {
        site.staticFile("img/edited.png", "first".getBytes(StandardCharsets.UTF_8));
        assertThat(get("/img/edited.png").body()).asString(StandardCharsets.UTF_8).isEqualTo("first");
        assertThat(get("/img/edited.png").body()).asString(StandardCharsets.UTF_8).isEqualTo("first");
        HttpResponse<byte[]> root = get("/img/edited.png");
        assertThat(root.headers().firstValue("Content-Location")).hasValue("/static/img/edited.png");
        site.staticFile("img/edited.png", "second, longer".getBytes(StandardCharsets.UTF_8));
        assertThat(get("/img/edited.png").body()).asString(StandardCharsets.UTF_8).isEqualTo("second, longer");
    }
}
