package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests whose body length is ambiguous (request smuggling, RFC 9112 §6.1, §6.3, §11.2), each
 * followed on the same connection by a hidden second request: the first gets the site's 400 page
 * with {@code Connection: close}, the connection is closed, and the hidden request is never answered.
 * The hidden request asks for {@code Connection: close} itself, so a server that answered it would
 * close the connection too and the test would see its response.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestFramingTest extends SiteFixture {

    private static final String HIDDEN = "GET /posts/beta HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)HTTP/1\\.[01] \\d{3} ");

    @Inject
    EmbeddedServer server;

    private RawHttp http() {
        return new RawHttp(server.getURI());
    }

    private void assertRefusedAlone(String head, String body) {
        RawHttp.Response response = http().send(head + "\r\n" + body + HIDDEN);
        String what = head.lines().skip(1).filter(l -> !l.startsWith("Host")).toList().toString();
        assertThat(response.status()).as("status for %s", what).isEqualTo(400);
        if (head.contains(" HTTP/1.1\r\n")) {
            // (An HTTP/1.0 response closes without saying so.)
            assertThat(response.header("Connection")).as("Connection for %s", what).isEqualToIgnoringCase("close");
        }
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1")).as("error page for %s", what).hasSize(1);
        assertThat(page.select("header a[href=/]")).as("site layout for %s", what).isNotEmpty();
        // RawHttp read until the server closed the connection (or failed after 5 s): nothing came after the 400.
        assertThat(STATUS_LINE.matcher(response.body()).find()).as("a response to the hidden request after %s", what).isFalse();
    }

    @Test
    void contentLengthWithTransferEncodingIsRefusedAndTheConnectionClosed() {
        // A front proxy going by Content-Length forwards "0\r\n\r\n" as this request's body; one going
        // by Transfer-Encoding reads the same bytes as the final chunk. Either way: refused.
        assertRefusedAlone("POST /search HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n");
        assertRefusedAlone("GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n", "0\r\n\r\n");
        assertRefusedAlone("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nTransfer-Encoding: xchunked\r\n", "");
        assertRefusedAlone("GET / HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\nContent-Length: 0\r\n"
                + "Transfer-Encoding: chunked\r\n", "0\r\n\r\n");
    }

    @Test
    void transferEncodingOtherThanChunkedAloneIsRefusedAndTheConnectionClosed() {
        for (String coding : List.of("xchunked", "chunked, gzip", "identity", "gzip, chunked", "chunked, chunked",
                "chunked;ext=1", "", " , ")) {
            assertRefusedAlone("GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: " + coding + "\r\n", "0\r\n\r\n");
        }
        assertRefusedAlone("GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n");
    }

    @Test
    void repeatedOrMalformedContentLengthIsRefusedAndTheConnectionClosed() {
        for (String lengths : List.of("Content-Length: 0\r\nContent-Length: 5\r\n", "Content-Length: 0\r\nContent-Length: 0\r\n",
                "Content-Length: 0, 0\r\n", "Content-Length: +0\r\n", "Content-Length: 0x0\r\n")) {
            assertRefusedAlone("GET / HTTP/1.1\r\nHost: localhost\r\n" + lengths, "");
        }
    }

    @Test
    void chunkedAloneIsServedWithItsPipelinedFollower() {
        // The control: the same follower after a well-framed request is answered, on the same connection.
        for (String coding : List.of("chunked", "CHUNKED", "\tchunked ")) {
            RawHttp.Response response = http().send("GET /posts/alpha HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: "
                    + coding + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + HIDDEN);
            assertThat(response.status()).as("status for %s", coding).isEqualTo(200);
            assertThat(response.body()).as("the follower's response after %s", coding).contains("HTTP/1.1 200 OK");
        }
    }

    @Test
    void readersAreServedWhileSmugglingAttemptsAreRefused() {
        for (int i = 0; i < 20; i++) {
            assertRefusedAlone("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n");
            assertThat(http().get("/posts/alpha").status()).isEqualTo(200);
        }
    }
}
