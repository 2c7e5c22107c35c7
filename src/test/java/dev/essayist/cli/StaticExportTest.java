package dev.essayist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import com.sun.net.httpserver.HttpServer;
import dev.essayist.ExportServer;
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
        try (ExportServer files = new ExportServer(out)) {
            Map<String, Integer> reached = files.crawl();
            assertThat(reached).containsKeys("/posts/alpha", "/tags/postgresql", "/archive", "/feed.xml", "/static/img/diagram.png");
            assertThat(reached).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(200));
            Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(files.get("/feed.xml").body())));
            assertThat(channel.getItems()).hasSize(3);
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
}
