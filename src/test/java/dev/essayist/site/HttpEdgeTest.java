package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.Await;
import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP edge on the wire, against a server with a cap of three connections and a two-second
 * request-head timeout: hostile clients written byte by byte, and a reader served beside them.
 * Every wait is bounded by the sockets' ten-second timeout.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeTest extends SiteFixture {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final String HEAD = "GET /posts/alpha HTTP/1.1\r\nHost: localhost\r\n";

    @Inject
    EmbeddedServer server;

    @Inject
    ConnectionLimit limit;

    @Inject
    IdleConnections idle;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("essayist.http.max-connections", "3");
        props.put("essayist.http.request-header-timeout", "2s");
        props.put("essayist.test.slow-route", "true");
        return props;
    }

    @BeforeAll
    void renderTheReadersPageOnce() {
        // A cold render on a busy machine can take seconds; the readers below are answered from the cache.
        assertThat(new TestSite.Http(server.getURI()).get("/posts/alpha").statusCode()).isEqualTo(200);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** @return everything the server sent until it closed the connection (a read timeout fails the test) */
    private static String readToClose(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private void awaitNoConnectionOpen() {
        Await.until(Duration.ofSeconds(5), "the connections of earlier tests closed", () -> limit.open() == 0);
    }

    private RawHttp.Response reader() {
        return new RawHttp(server.getURI()).get("/posts/alpha");
    }

    @Test
    void halfSentRequestHeadIsClosedWithoutAResponse() throws IOException {
        try (Socket socket = connect()) {
            send(socket, HEAD);
            assertThat(readToClose(socket)).isEmpty();
        }
    }

    @Test
    void connectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = connect()) {
            assertThat(readToClose(socket)).isEmpty();
        }
    }

    @Test
    void trickledRequestHeadIsClosedWhileAReaderIsServed() throws Exception {
        try (Socket socket = connect()) {
            // Ten bytes a second, for longer than the socket timeout: only the server's close stops it.
            CompletableFuture<Integer> trickle = CompletableFuture.supplyAsync(() -> {
                byte[] head = (HEAD + "X-Slow: " + "s".repeat(100)).getBytes(StandardCharsets.ISO_8859_1);
                for (int i = 0; i < head.length; i++) {
                    try {
                        socket.getOutputStream().write(head[i]);
                        Thread.sleep(100);
                    } catch (IOException e) {
                        return i;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                }
                return head.length;
            });
            assertThat(reader().status()).isEqualTo(200);
            assertThat(readToClose(socket)).isEmpty();
            assertThat(trickle.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).as("bytes sent before the close").isLessThan(100);
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterItsResponse() throws IOException {
        try (Socket socket = connect()) {
            send(socket, HEAD + "\r\n");
            String received = readToClose(socket);
            assertThat(received).startsWith("HTTP/1.1 200 OK").doesNotContainIgnoringCase("Connection: close");
        }
    }

    @Test
    void slowResponseIsNotCutByTheRequestHeadTimeout() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /test/slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
            // Three seconds of render, then the keep-alive timeout.
            assertThat(readToClose(socket)).startsWith("HTTP/1.1 200 OK").endsWith("finished");
        }
    }

    @Test
    void aReaderAtTheCapTakesThePlaceOfAHalfSentRequest() throws IOException {
        awaitNoConnectionOpen();
        List<Socket> halfSent = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = connect();
                send(socket, HEAD);
                halfSent.add(socket);
            }
            Await.until(Duration.ofSeconds(1), "three idle connections", () -> idle.size() == 3);
            long closedBefore = idle.closed();
            assertThat(reader().status()).isEqualTo(200);
            // Served by taking a slot, not after the two-second timeout freed one.
            assertThat(idle.closed()).isEqualTo(closedBefore + 1);
            assertThat(halfSent.stream().filter(this::closedByServer).count()).isEqualTo(1);
        } finally {
            for (Socket socket : halfSent) {
                socket.close();
            }
        }
    }

    private boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(100);
            return socket.getInputStream().read() == -1;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void connectionsAboveTheCapWaitUntilOneCloses() throws Exception {
        awaitNoConnectionOpen();
        List<Socket> busy = new ArrayList<>();
        List<CompletableFuture<Long>> answered = new ArrayList<>();
        try {
            // Three connections, each waiting three seconds for its response: the cap is reached, and no
            // connection is idle. (Distinct
            // queries: the page cache would have the second and third wait for the first's render.)
            for (int i = 0; i < 3; i++) {
                Socket socket = connect();
                send(socket, "GET /test/slow?n=" + i + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                busy.add(socket);
                answered.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        socket.getInputStream().read();
                        return System.nanoTime();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            RawHttp.Response waited = reader();
            long readerDone = System.nanoTime();
            assertThat(waited.status()).isEqualTo(200);
            long firstSlowDone = Long.MAX_VALUE;
            for (CompletableFuture<Long> slow : answered) {
                firstSlowDone = Math.min(firstSlowDone, slow.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            }
            assertThat(firstSlowDone).as("a slow response came before the waiting reader was served").isLessThan(readerDone);
            assertThat(limit.open()).isLessThanOrEqualTo(3);
        } finally {
            for (Socket socket : busy) {
                socket.close();
            }
        }
    }

    @Test
    void prometheusShowsTheEdge() {
        RawHttp.Response metrics = new RawHttp(server.getURI()).get("/prometheus");
        assertThat(metrics.body().lines())
                .anyMatch(l -> l.startsWith("essayist_http_connections ") && !l.endsWith(" 0.0"))
                .anyMatch(l -> l.equals("essayist_http_connections_limit 3.0"))
                .anyMatch(l -> l.startsWith("essayist_http_connections_idle "))
                .anyMatch(l -> l.startsWith("essayist_http_connections_waited_total "))
                .anyMatch(l -> l.startsWith("essayist_http_connections_evicted_total "))
                .anyMatch(l -> l.startsWith("essayist_http_request_header_timeouts_total "));
    }
}
