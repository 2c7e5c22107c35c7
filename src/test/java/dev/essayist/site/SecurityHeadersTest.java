package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
import dev.essayist.XssCorpus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every response carries the security headers and a charset on text, errors and {@code 304}s
 * included; no page or template has inline script, inline style or a {@code style} attribute, which
 * the Content-Security-Policy (no {@code 'unsafe-inline'}) would block anyway.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest extends SiteFixture {

    private static final List<String> PAGES = List.of("/", "/page/2", "/posts/alpha", "/tags", "/tags/postgresql",
            "/archive", "/about", "/no-such-page");

    private static final String HTML = "text/html; charset=utf-8";

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURI());
    }

    /**
     * Asserts the response's status and media type, then every security header.
     *
     * @param type the expected Content-Type, or {@code null} for a response without a body
     */
    private static void assertSecured(RawHttp.Response response, int status, String type, String what) {
        assertThat(response.status()).as("status of %s", what).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("Content-Type of %s", what).isEqualTo(type);
        assertThat(response.values("Content-Security-Policy")).as("CSP of %s", what)
                .containsExactly(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(response.header("Content-Security-Policy")).as("CSP of %s", what).startsWith("default-src 'self';")
                .contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
                        "media-src 'self' https:")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:");
        assertThat(response.values("X-Content-Type-Options")).as("nosniff on %s", what).containsExactly("nosniff");
        assertThat(response.values("Referrer-Policy")).as("Referrer-Policy of %s", what)
                .containsExactly("strict-origin-when-cross-origin");
        assertThat(response.header("Permissions-Policy")).as("Permissions-Policy of %s", what)
                .contains("camera=()", "microphone=()", "geolocation=()");
    }

    @Test
    void pageCarriesTheHeaders() {
        assertSecured(http().get("/posts/alpha"), 200, HTML, "a page");
    }

    @Test
    void feedCarriesTheHeaders() {
        assertSecured(http().get("/feed.xml"), 200, "application/rss+xml; charset=utf-8", "the feed");
    }

    @Test
    void staticFileCarriesTheHeaders() {
        assertSecured(http().get("/static/css/site.css"), 200, "text/css; charset=utf-8", "a static file");
    }

    @Test
    void notModifiedCarriesTheHeaders() {
        String etag = http().get("/posts/alpha").header("ETag");
        RawHttp.Response notModified = http().send("GET /posts/alpha HTTP/1.1\r\nHost: localhost\r\n"
                + "If-None-Match: " + etag + "\r\nConnection: close\r\n\r\n");
        assertSecured(notModified, 304, null, "a 304");
    }

    @Test
    void notFoundCarriesTheHeaders() {
        assertSecured(http().get("/posts/no-such-essay"), 404, HTML, "a 404");
    }

    @Test
    void serverErrorCarriesTheHeaders() {
        // ErrorPagesTest.BrokenTemplateController renders a template whose partial is missing.
        assertSecured(http().get("/test/broken-template"), 500, HTML, "a 500");
    }

    @Test
    void redirectsAndMalformedRequestsCarryTheHeaders() {
        assertSecured(http().get("/posts/alpha/"), 301, null, "the trailing-slash redirect");
        assertSecured(http().get("/2025/02/beta"), 301, null, "an alias redirect");
        assertSecured(http().get("/posts/%zz"), 400, HTML, "a bad percent-encoding");
        assertSecured(http().get("/" + "a".repeat(10_000)), 413, HTML, "an over-long URL");
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        for (String path : PAGES) {
            Document page = Jsoup.parse(http().get(path).body());
            assertThat(page.select(XssCorpus.EXECUTABLE_INLINE_SCRIPT)).as("inline script on %s", path).isEmpty();
            assertThat(page.select("style")).as("style element on %s", path).isEmpty();
            assertThat(page.select("[style]")).as("style attribute on %s", path).isEmpty();
            for (Element element : page.getAllElements()) {
                assertThat(element.attributes().asList()).as("event handler on <%s> of %s", element.tagName(), path)
                        .noneMatch(a -> a.getKey().startsWith("on"));
            }
            assertThat(page.select("a[href^=javascript:], [src^=javascript:]")).as("javascript: URL on %s", path)
                    .isEmpty();
        }
    }

    @Test
    void templatesHaveNoInlineScriptOrStyle() throws IOException {
        Path views = Path.of("src/main/resources/views");
        List<Path> templates;
        try (Stream<Path> files = Files.walk(views)) {
            templates = files.filter(f -> f.toString().endsWith(".hbs")).toList();
        }
        assertThat(templates).isNotEmpty();
        for (Path template : templates) {
            String text = Files.readString(template).toLowerCase(java.util.Locale.ROOT);
            assertThat(text).as("%s", template).doesNotContain("<style").doesNotContain("style=")
                    .doesNotContainPattern("<script(?![^>]*\\b(src=|type=\"application/ld\\+json\"))")
                    .doesNotContainPattern("\\son[a-z]+=");
        }
    }
}
