package dev.essayist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import com.sun.net.httpserver.HttpServer;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite;
import dev.essayist.post.AliasRepository;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.InputSource;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticExportTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    AliasRepository aliases;

    @Inject
    Clock clock;

    private StaticExport.Result export(Path out) throws IOException {
        return new StaticExport(server.getURI(), "https://essays.example.com")
                .export(out, site.statics(), aliases.findPublishedAliases(clock.instant()));
    }

    @Test
    void exportedSiteServedByAPlainFileServerHasNoBrokenLinkAndAParsingFeed() throws Exception {
        Path out = TestSite.tempFolder("export");
        export(out);
        HttpServer files = fileServer(out);
        try {
            URI base = URI.create("http://127.0.0.1:" + files.getAddress().getPort());
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Deque<String> queue = new ArrayDeque<>(java.util.List.of("/"));
            Set<String> seen = new HashSet<>(queue);
            Map<String, Integer> broken = new LinkedHashMap<>();
            while (!queue.isEmpty() && seen.size() < 500) {
                String path = queue.poll();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    broken.put(path, response.statusCode());
                    continue;
                }
                if (!path.endsWith(".html") && !path.endsWith("/") && path.contains(".")) {
                    continue;
                }
                Document page = Jsoup.parse(response.body(), base.resolve(path).toString());
                for (Element el : page.select("a[href], link[href], img[src]")) {
                    String href = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                    if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/static/img/")) {
                        String target = URI.create(href).getRawPath();
                        if (seen.add(target)) {
                            queue.add(target);
                        }
                    }
                }
            }
            assertThat(broken).isEmpty();
            assertThat(seen).contains("/posts/alpha", "/tags/postgresql", "/archive", "/feed.xml");
            String rss = client.send(HttpRequest.newBuilder(base.resolve("/feed.xml")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(rss)));
            assertThat(channel.getItems()).hasSize(3);
        } finally {
            files.stop(0);
        }
    }

    @Test
    void filesAreByteIdenticalToTheServerAndExcludeDraftsAndScheduledEssays() throws Exception {
        Path out = TestSite.tempFolder("export");
        StaticExport.Result result = export(out);
        assertThat(result.files()).contains("index.html", "posts/alpha/index.html", "tags/postgresql/index.html",
                "tags/postgresql/feed.xml", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt",
                "404.html", "about/index.html", "archive/index.html", "static/css/site.css", "_redirects",
                "2025/02/beta/index.html", "posts/old-beta/index.html");
        assertThat(result.files()).noneMatch(f -> f.contains("draft") || f.contains("future") || f.contains("broken"));
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/posts/alpha", "/feed.xml", "/sitemap.xml", "/"}) {
            byte[] served = client.send(HttpRequest.newBuilder(URI.create(server.getURI() + path)).header("Accept", "*/*")
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(Files.readAllBytes(out.resolve(StaticExport.fileFor(path)))).as(path).isEqualTo(served);
        }
        Document notFound = Jsoup.parse(Files.readString(out.resolve("404.html")));
        assertThat(notFound.selectFirst("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void staticFilesOfTheFolderAndTheThemeAreExportedUnderStaticAndAtTheRoot() throws Exception {
        Path out = TestSite.tempFolder("export");
        StaticExport.Result result = export(out);
        assertThat(result.files()).contains("static/img/diagram.png", "img/diagram.png", "static/css/site.css",
                "static/favicon.ico", "favicon.ico", "static/js/site.js", "static/feed.xsl");
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/favicon.ico", "/img/diagram.png", "/static/css/site.css", "/static/js/site.js"}) {
            byte[] served = client.send(HttpRequest.newBuilder(URI.create(server.getURI() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(Files.readAllBytes(out.resolve(path.substring(1)))).as(path).isEqualTo(served);
        }
        // The folder's stylesheet overrides the theme's, in the export as on the server.
        assertThat(Files.readString(out.resolve("static/css/site.css"))).isEqualTo("body { color: black; }\n");
    }

    @Test
    void aliasesBecomeRedirectPagesAndARedirectsFile() throws Exception {
        Path out = TestSite.tempFolder("export");
        export(out);
        assertThat(Files.readAllLines(out.resolve("_redirects")))
                .containsExactly("/2025/02/beta /posts/beta 301", "/posts/old-beta /posts/beta 301");
        Document page = Jsoup.parse(Files.readString(out.resolve("2025/02/beta/index.html")));
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("/posts/beta");
        assertThat(page.selectFirst("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=/posts/beta");
    }

    @Test
    void exportingTwiceGivesIdenticalFiles() throws Exception {
        Path first = TestSite.tempFolder("export");
        Path second = TestSite.tempFolder("export");
        export(first);
        export(second);
        Map<String, String> a = hashes(first);
        assertThat(a).isNotEmpty().isEqualTo(hashes(second));
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                hashes.put(root.relativize(file).toString(), dev.essayist.content.SourceFile.sha256(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    /** A plain static file server on loopback, as a CDN or bucket would serve the folder. */
    private static HttpServer fileServer(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            int status = 200;
            if (file.startsWith(root) && Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    exchange.getResponseHeaders().add("Location", path + "/");
                    exchange.sendResponseHeaders(301, -1);
                    exchange.close();
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                file = root.resolve("404.html");
                status = 404;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().add("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".xml") ? "application/xml" : name.endsWith(".css") ? "text/css" : "application/octet-stream");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        return server;
    }
}
