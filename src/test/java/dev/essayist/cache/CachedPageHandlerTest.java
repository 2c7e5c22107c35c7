package dev.essayist.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cache hits answered in the Netty pipeline ({@link CachedPageHandler}) look exactly like the
 * response Micronaut rendered: same status, body and headers (but {@code Date} and
 * {@code X-Request-Id}), gzip when asked for, 304 against the validators, pipelined responses in
 * order, HTTP/1.0 connections closed, and every hit counted in the request metrics.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachedPageHandlerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @ParameterizedTest(name = "{0} with Accept: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /posts/beta       | */*
            /                 | text/html,application/xhtml+xml,*/*;q=0.8
            /tags/postgresql  | */*
            /feed.xml         | application/rss+xml
            /feed.xml         | text/html,*/*
            /feed.json        | */*
            /sitemap.xml      | */*
            """)
    void aHitLooksExactlyLikeTheRenderedResponse(String path, String accept) {
        // A query string of its own gives a key no other test has filled.
        String target = path + "?v=" + UUID.randomUUID();
        RawHttp raw = new RawHttp(server.getURI());
        Http http = new Http(server.getURI());
        String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n";
        double fills = Prometheus.sum(http, "essayist_page_cache_fills_total");
        RawHttp.Response rendered = raw.send(request);
        RawHttp.Response hit = raw.send(request);
        // One render stored; the second answer came from the cache.
        assertThat(Prometheus.sum(http, "essayist_page_cache_fills_total")).isEqualTo(fills + 1);

        assertThat(rendered.status()).isEqualTo(200);
        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.body()).isEqualTo(rendered.body());
        assertThat(withoutPerRequestHeaders(hit.headers())).isEqualTo(withoutPerRequestHeaders(rendered.headers()));
        assertThat(hit.header("date")).isNotBlank();
        assertThat(hit.header("x-request-id")).matches("[0-9a-f-]{36}").isNotEqualTo(rendered.header("x-request-id"));
    }

    @Test
    void aHitKeepsASaneRequestId() {
        RawHttp raw = new RawHttp(server.getURI());
        raw.get("/posts/alpha");
        assertThat(raw.send(get("/posts/alpha", "X-Request-Id: edge-7")).header("x-request-id")).isEqualTo("edge-7");
        assertThat(raw.send(get("/posts/alpha", "X-Request-Id: not sane <x>")).header("x-request-id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void aHitMicronautAnswersFromTheCacheHasADateAndRequestIdToo() {
        // The JDK client offers an h2c upgrade, which the pipeline handler leaves to Micronaut.
        Http http = new Http(server.getURI());
        http.get("/posts/gamma");
        HttpResponse<String> hit = http.get("/posts/gamma", "X-Request-Id", "edge-8");
        assertThat(hit.headers().firstValue("X-Request-Id")).hasValue("edge-8");
        assertThat(hit.headers().firstValue("Date")).isPresent();
    }

    @Test
    void aHitIsGzippedWhenTheClientAcceptsItAndDecompressesToTheSameBytes() throws IOException {
        String target = "/posts/alpha?gzip=" + UUID.randomUUID();
        RawHttp raw = new RawHttp(server.getURI());
        String identity = raw.get(target).body();
        byte[] gzipped = exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip, br\r\n"
                + "Connection: close\r\n\r\n");
        Map<String, String> headers = headersOf(gzipped);
        assertThat(headers).containsEntry("content-encoding", "gzip").containsEntry("vary", "Accept-Encoding");
        byte[] body = bodyOf(gzipped);
        assertThat(headers.get("content-length")).isEqualTo(String.valueOf(body.length));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(identity);
        }
        // gzip;q=0 refuses it.
        Map<String, String> refused = headersOf(exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Encoding: gzip;q=0, identity\r\nConnection: close\r\n\r\n"));
        assertThat(refused).doesNotContainKey("content-encoding");
    }

    @Test
    void aHitAnswers304ToItsValidators() {
        Http http = new Http(server.getURI());
        HttpResponse<String> first = http.get("/posts/beta");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> byEtag = http.get("/posts/beta", "If-None-Match", "\"other\", W/" + etag);
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byEtag.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(http.get("/posts/beta", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(http.get("/posts/beta", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        // If-None-Match decides when both are sent (RFC 9110 §13.1.3).
        assertThat(http.get("/posts/beta", "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(200);
    }

    @Test
    void pipelinedResponsesKeepTheOrderOfTheirRequests() {
        new Http(server.getURI()).get("/posts/beta"); // cached now
        // The first request is a miss that Micronaut renders; the second a hit that must wait for it.
        String miss = "GET /posts/alpha?pipelined=" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String hit = "GET /posts/beta HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String last = "GET /posts/gamma HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        String text = new String(exchange(miss + hit + last), StandardCharsets.UTF_8);

        Matcher titles = Pattern.compile("<h1[^>]*>([^<]*)</h1>").matcher(text);
        List<String> order = titles.results().map(m -> Jsoup.parse(m.group(1)).text()).toList();
        assertThat(order).containsExactly("Alpha & Omega", "Beta", "Gamma: the oldest");
        assertThat(Pattern.compile("HTTP/1.1 200").matcher(text).results().count()).isEqualTo(3);
    }

    @Test
    void anHttp10RequestGetsItsAnswerAndTheConnectionEnds() {
        new Http(server.getURI()).get("/posts/beta");
        // exchange() reads until the server closes: without the close it would time out.
        byte[] bytes = exchange("GET /posts/beta HTTP/1.0\r\nHost: localhost\r\n\r\n");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
        assertThat(headersOf(bytes)).containsEntry("connection", "close");
        assertThat(new String(bodyOf(bytes), StandardCharsets.UTF_8)).contains("Beta's body");
    }

    @Test
    void everyHitIsCountedInTheRequestMetrics() {
        Http http = new Http(server.getURI());
        RawHttp raw = new RawHttp(server.getURI());
        http.get("/tags/queues");
        double before = requestCount(http, "/tags/{slug}");
        for (int i = 0; i < 5; i++) {
            assertThat(raw.get("/tags/queues").status()).isEqualTo(200); // answered in the pipeline
            assertThat(http.get("/tags/queues").statusCode()).isEqualTo(200); // answered by PageCacheFilter
        }
        assertThat(requestCount(http, "/tags/{slug}")).isEqualTo(before + 10);
    }

    private static String get(String target, String header) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void manyReadersMissingOnePageAtOnceCauseOneRender() throws Exception {
        Http http = new Http(server.getURI());
        RawHttp raw = new RawHttp(server.getURI());
        String target = "/tags/postgresql?together=" + UUID.randomUUID();
        double before = Prometheus.sum(http, "essayist_page_cache_fills_total");
        ExecutorService readers = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RawHttp.Response>> responses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                responses.add(readers.submit(() -> {
                    start.await();
                    return raw.get(target);
                }));
            }
            start.countDown();
            Set<String> bodies = new HashSet<>();
            for (Future<RawHttp.Response> response : responses) {
                RawHttp.Response answered = response.get(20, TimeUnit.SECONDS);
                assertThat(answered.status()).isEqualTo(200);
                bodies.add(answered.body());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            readers.shutdownNow();
        }
        assertThat(Prometheus.sum(http, "essayist_page_cache_fills_total")).isEqualTo(before + 1);
    }

    private static double requestCount(Http http, String route) {
        return http.get("/prometheus").body().lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("uri=\"" + route + "\"")
                        && l.contains("status=\"200\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Map<String, List<String>> withoutPerRequestHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new HashMap<>(headers);
        copy.remove("date");
        copy.remove("x-request-id");
        copy.remove("connection");
        return copy;
    }

    /** Sends the bytes and reads until the server closes the connection (5 s at most). */
    private byte[] exchange(String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int headerEnd(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("end of headers").isPositive();
        return end;
    }

    private static Map<String, String> headersOf(byte[] response) {
        String head = new String(response, 0, headerEnd(response), StandardCharsets.ISO_8859_1);
        Map<String, String> headers = new HashMap<>();
        head.lines().skip(1).forEach(line -> headers.put(line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT),
                line.substring(line.indexOf(':') + 1).strip()));
        return headers;
    }

    private static byte[] bodyOf(byte[] response) {
        int start = headerEnd(response) + 4;
        return java.util.Arrays.copyOfRange(response, start, response.length);
    }
}
