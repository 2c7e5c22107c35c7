package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
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

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURI());
    }

    private static void assertSecurityHeaders(RawHttp.Response response, String what) {
        assertThat(response.values("Content-Security-Policy")).as("CSP of %s", what)
                .containsExactly(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).as("CSP of %s", what).startsWith("default-src 'self';")
                .contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:");
        assertThat(response.values("X-Content-Type-Options")).as("nosniff on %s", what).containsExactly("nosniff");
        assertThat(response.values("Referrer-Policy")).as("Referrer-Policy of %s", what)
                .containsExactly("strict-origin-when-cross-origin");
        assertThat(response.header("Permissions-Policy")).as("Permissions-Policy of %s", what)
                .contains("camera=()", "microphone=()", "geolocation=()");
        String type = response.header("Content-Type");
        if (type != null && (type.startsWith("text/") || type.contains("xml") || type.contains("json"))) {
            assertThat(type).as("Content-Type of %s", what).endsWith("; charset=utf-8");
        }
    }

    @Test
    void pageCarriesTheHeaders() {
        RawHttp.Response page = http().get("/posts/alpha");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertSecurityHeaders(page, "a page");
    }

    @Test
    void feedCarriesTheHeaders() {
        RawHttp.Response feed = http().get("/feed.xml");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
        assertSecurityHeaders(feed, "the feed");
    }

    @Test
    void staticFileCarriesTheHeaders() {
        RawHttp.Response css = http().get("/static/css/site.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertSecurityHeaders(css, "a static file");
    }

    @Test
    void notModifiedCarriesTheHeaders() {
        String etag = http().get("/posts/alpha").header("ETag");
        RawHttp.Response notModified = http().send("GET /posts/alpha HTTP/1.1\r\nHost: localhost\r\n"
                + "If-None-Match: " + etag + "\r\nConnection: close\r\n\r\n");
        assertThat(notModified.status()).isEqualTo(304);
        assertSecurityHeaders(notModified, "a 304");
    }

    @Test
    void notFoundCarriesTheHeaders() {
        RawHttp.Response missing = http().get("/posts/no-such-essay");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertSecurityHeaders(missing, "a 404");
    }

    @Test
    void serverErrorCarriesTheHeaders() {
        // ErrorPagesTest.BrokenTemplateController renders a template whose partial is missing.
        RawHttp.Response error = http().get("/test/broken-template");
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertSecurityHeaders(error, "a 500");
    }

    @Test
    void redirectsAndMalformedRequestsCarryTheHeaders() {
        RawHttp.Response slash = http().get("/posts/alpha/");
        assertThat(slash.status()).isEqualTo(301);
        assertSecurityHeaders(slash, "the trailing-slash redirect");
        RawHttp.Response alias = http().get("/2025/02/beta");
        assertThat(alias.status()).isEqualTo(301);
        assertSecurityHeaders(alias, "an alias redirect");
        RawHttp.Response badEscape = http().get("/posts/%zz");
        assertThat(badEscape.status()).isEqualTo(400);
        assertSecurityHeaders(badEscape, "a bad percent-encoding");
        RawHttp.Response tooLong = http().get("/" + "a".repeat(10_000));
        assertThat(tooLong.status()).isBetween(400, 499);
        assertSecurityHeaders(tooLong, "an over-long URL");
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        for (String path : PAGES) {
            Document page = Jsoup.parse(http().get(path).body());
            assertThat(page.select("script:not([src])")).as("inline script on %s", path).isEmpty();
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
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=");
        }
    }
}
