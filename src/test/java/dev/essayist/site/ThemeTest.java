package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.Await;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The theme in the jar: every file of {@code src/main/resources/theme/} is served at
 * {@code /static/...} with a fingerprint and validators when the site's static folder lacks it,
 * and a file of the same path in the folder overrides it, pages following within a second.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(Theme.FOLDER + file)) {
            return in.readAllBytes();
        }
    }

    private static String fingerprint(String file, byte[] bytes) {
        return Rendered.etag(StaticFiles.contentType(file), bytes).substring(1, 11);
    }

    private String scriptUrl() {
        return new Http(server.getURI()).html("/").select("head script[src^=/static/js/site.js]").attr("src");
    }

    @Test
    void everyFileOfTheThemeFolderIsListedAndNoOther() throws IOException {
        Path folder = Path.of("src/main/resources", Theme.FOLDER);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(Theme.FILES);
        }
    }

    @Test
    void theThemesFilesAreServedWithFingerprintsWhenTheFolderLacksThem() throws IOException {
        Http http = new Http(server.getURI());
        assertThat(scriptUrl()).isEqualTo("/static/js/site.js?v=" + fingerprint("js/site.js", bundled("js/site.js")));
        HttpResponse<String> script = http.get(scriptUrl());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(bundled("js/site.js"));
        assertThat(script.headers().firstValue("Content-Type")).hasValue("application/javascript; charset=utf-8");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue(StaticController.IMMUTABLE);
        assertThat(script.headers().firstValue("Last-Modified")).isPresent();
        String etag = script.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get(scriptUrl(), "If-None-Match", etag).statusCode()).isEqualTo(304);
        for (String file : Theme.FILES) {
            assertThat(http.get("/static/" + file).statusCode()).as(file).isEqualTo(200);
        }
        String xsl = http.get("/feed.xml").body();
        assertThat(xsl).contains("href=\"/static/feed.xsl?v=" + fingerprint("feed.xsl", bundled("feed.xsl")) + "\"");
    }

    @Test
    void aFileOfTheSamePathInTheFolderOverridesTheThemesAndPagesFollow() throws IOException {
        Http http = new Http(server.getURI());
        String theme = scriptUrl();
        byte[] own = "/* the site's own script */\n".getBytes(StandardCharsets.UTF_8);
        Path file = site.staticFile("js/site.js", own);
        try {
            String overridden = "/static/js/site.js?v=" + fingerprint("js/site.js", own);
            Await.until(Duration.ofSeconds(5), "pages carry the folder's script", () -> scriptUrl().equals(overridden));
            assertThat(http.get(overridden).body()).isEqualTo("/* the site's own script */\n");
        } finally {
            Files.delete(file);
        }
        Await.until(Duration.ofSeconds(5), "pages carry the theme's script again", () -> scriptUrl().equals(theme));
        assertThat(http.get("/static/js/site.js").body().getBytes(StandardCharsets.UTF_8)).isEqualTo(bundled("js/site.js"));
    }
}
