package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests no browser sends answer a 4xx HTML error page in the site's layout, never a 5xx, never
 * Micronaut's JSON error, and never a stack trace or a Java class name (design.md invariant 8).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURI());
    }

    private static void assertErrorPage(RawHttp.Response response, String what) {
        assertThat(response.status()).as("status for %s", what).isBetween(400, 499);
        assertThat(response.header("Content-Type")).as("type for %s", what).isEqualTo("text/html; charset=utf-8");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1")).as("heading for %s", what).hasSize(1);
        assertThat(page.select("header a[href=/]")).as("site layout for %s", what).isNotEmpty();
        assertThat(response.body()).as("body for %s", what)
                .doesNotContain("Exception", "java.", "io.micronaut", "io.netty", "dev.essayist", "\tat ");
    }

    @Test
    void badPercentEncodingIsABadRequest() {
        for (String target : List.of("/posts/%zz", "/%", "/posts/%2", "/static/%g0.css", "/tags/%%41", "/?q=%zz%")) {
            RawHttp.Response response = http().get(target);
            assertErrorPage(response, target);
            assertThat(response.status()).as("status for %s", target).isEqualTo(400);
        }
    }

    @Test
    void overLongUrlAndHeaderAreRefused() {
        assertErrorPage(http().get("/posts/" + "a".repeat(10_000)), "a 10 000-character URL");
        assertErrorPage(http().send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), "a 20 000-character header");
    }

    @Test
    void unknownAndUnsupportedMethodsAreRefused() {
        for (String method : List.of("FOO", "PROPFIND", "DELETE", "PUT", "PATCH", "TRACE")) {
            RawHttp.Response response = http().send(method + " /posts/alpha HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            assertErrorPage(response, method);
        }
    }

    @Test
    void garbageRequestLinesAreBadRequests() {
        for (String request : List.of("GARBAGE\r\n\r\n", "GET /\u0000 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /posts/<script> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n")) {
            RawHttp.Response response = http().send(request);
            assertErrorPage(response, request.lines().findFirst().orElseThrow());
            assertThat(response.status()).as("status for %s", request).isEqualTo(400);
        }
    }

    @Test
    void requestedPathIsShownAsText() {
        // A request target cannot carry a raw < or " (it is not a URI then: 400 above); it reaches the
        // page percent-encoded, or with character references that must stay text.
        for (String target : List.of("/%3Cscript%3Ealert(1)%3C/script%3E", "/x&lt;script&gt;alert(1)&lt;/script&gt;")) {
            RawHttp.Response response = http().get(target);
            assertThat(response.status()).isEqualTo(404);
            Document page = Jsoup.parse(response.body());
            // Only the layout's own external scripts; nothing from the request became a script.
            assertThat(page.select("script:not([src^=/static/js/])")).as("script in the page for %s", target).isEmpty();
            assertThat(page.select("main code").text()).isEqualTo(target);
        }
    }
}
