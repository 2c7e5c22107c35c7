package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Only files under {@code static/} are reachable (design.md invariant 7), whatever the request path,
 * under {@code /static/} and at the root (where the folder is served too):
 * a corpus of traversal attempts in every encoding, sent byte for byte over a socket, against a
 * site with secrets just outside {@code static/}, a hidden file and symbolic links inside it. The
 * shape of CVE-2021-32769 (Micronaut serving files outside its static folder) is in the corpus.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticTraversalTest extends SiteFixture {

    private static final String OUTSIDE = "SECRET-OUTSIDE-STATIC";
    private static final String HIDDEN = "SECRET-HIDDEN-FILE";
    private static final String SIBLING = "SECRET-IN-SIBLING-FOLDER";
    private static final List<String> SECRETS = List.of(OUTSIDE, HIDDEN, SIBLING, "root:x:0:0", "[fonts]");

    private static final List<String> DOT_DOTS = List.of("..", ".%2e", "%2e.", "%2e%2e", "%2E%2E", "%252e%252e",
            "%c0%ae%c0%ae", "%e0%80%ae%e0%80%ae", "%c0%2e%c0%2e", "%ef%bc%8e%ef%bc%8e", "%u002e%u002e", "..%00",
            "..;", "%2e%2e;", "..%2500", "....");
    private static final List<String> SEPARATORS = List.of("/", "%2f", "%2F", "%5c", "%5C", "\\", "%252f", "%255c",
            "%c0%af", "%c1%9c", "%e0%80%af", "//", "/./");

    @Inject
    EmbeddedServer server;

    private final String stylesheet;

    StaticTraversalTest() {
        try {
            Path root = site.statics().getParent();
            Files.writeString(root.resolve("secret.txt"), OUTSIDE);
            Files.createDirectories(root.resolve("static-private"));
            Files.writeString(root.resolve("static-private/secret.txt"), SIBLING);
            Files.writeString(site.statics().resolve(".hidden"), HIDDEN);
            Files.createSymbolicLink(site.statics().resolve("link.txt"), root.resolve("secret.txt"));
            Files.createSymbolicLink(site.statics().resolve("linkdir"), root);
            stylesheet = Files.readString(site.statics().resolve("css/site.css"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return request targets that try to read something outside static/, at least a hundred */
    static List<String> corpus() {
        Set<String> targets = new LinkedHashSet<>();
        for (String up : DOT_DOTS) {
            for (String sep : SEPARATORS) {
                targets.add("/static/" + up + sep + "secret.txt");
            }
            targets.add("/static/css/" + up + "/" + up + "/static-private/secret.txt");
            targets.add("/static/" + (up + "/").repeat(12) + "etc/passwd");
            targets.add("/static/" + (up + "%2f").repeat(12) + "etc%2fpasswd");
        }
        targets.addAll(List.of(
                "/static/.hidden", "/static/css/../.hidden", "/static/%2ehidden", "/static/css/%2e%2e/%2ehidden",
                "/static/link.txt", "/static/linkdir/secret.txt", "/static/linkdir/static-private/secret.txt",
                "/static/..", "/static/.", "/static/", "/static", "/static/css", "/static/css/", "/static/css/..",
                "/static/%00", "/static/css/site.css%00.txt", "/static/secret.txt%00.css", "/static/..%00/secret.txt",
                "/static//../secret.txt", "/static/./../secret.txt", "/static/...//secret.txt", "/static/.../secret.txt",
                "/static/..%c0%af..%c0%afsecret.txt", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/static/C:%5cWindows%5cwin.ini", "/static/c:/windows/win.ini", "/static/file:///etc/passwd",
                "/static/~/secret.txt", "/static/%7e/secret.txt", "/static/%2fetc%2fpasswd", "/static//etc/passwd",
                "/static/%5c..%5csecret.txt", "/static/css%2f..%2f..%2fsecret.txt", "/static/%252e%252e%252fsecret.txt",
                "/%2e%2e/secret.txt", "/../secret.txt", "/static/../static-private/secret.txt",
                "/static/..%2fstatic-private%2fsecret.txt", "/static/css/site.css/../../secret.txt",
                "http://localhost/static/../secret.txt", "static/../secret.txt", "../secret.txt",
                "/static/..\t/secret.txt", "/static/%0d%0a..%2fsecret.txt", "/static/%ff%fe..%2fsecret.txt"));
        return new ArrayList<>(targets);
    }

    @Test
    void corpusHasAtLeastAHundredPaths() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void servesFilesInsideStatic() {
        RawHttp http = new RawHttp(server.getURI());
        RawHttp.Response css = http.get("/static/css/site.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).isEqualTo(stylesheet);
        assertThat(http.get("/static/css/../css/site.css").body()).isEqualTo(stylesheet);
    }

    @Test
    void noTraversalReachesAFileOutsideStatic() {
        assertOnlyTheStylesheetOrAnErrorAnswers(corpus(), false);
    }

    /**
     * @param targets         request targets, sent as they are
     * @param routesMayAnswer whether a route's page may answer 200 (at the root: "/" is the home page)
     */
    private void assertOnlyTheStylesheetOrAnErrorAnswers(List<String> targets, boolean routesMayAnswer) {
        RawHttp http = new RawHttp(server.getURI());
        SoftAssertions softly = new SoftAssertions();
        for (String target : targets) {
            RawHttp.Response response = follow(http, target);
            softly.assertThat(response.status()).as("status of %s", target).isLessThan(500);
            for (String secret : SECRETS) {
                softly.assertThat(response.body()).as("body of %s", target).doesNotContain(secret);
            }
            boolean page = String.valueOf(response.header("Content-Type")).startsWith("text/html");
            if (response.status() == 200 && !(routesMayAnswer && page)) {
                // Only a path that normalises back into static/ may succeed, and then it is that file.
                softly.assertThat(response.body()).as("200 body of %s", target).isEqualTo(stylesheet);
            } else if (response.status() != 200) {
                softly.assertThat(response.status()).as("status of %s", target).isIn(400, 404);
                softly.assertThat(page).as("an HTML error page for %s", target).isTrue();
                softly.assertThat(Jsoup.parse(response.body()).select("h1")).as("error page for %s", target).hasSize(1);
            }
        }
        softly.assertAll();
    }

    /** @return the corpus at the root: each {@code /static/...} target without {@code /static}, and links and hidden files */
    static List<String> rootCorpus() {
        Set<String> targets = new LinkedHashSet<>();
        for (String target : corpus()) {
            if (target.startsWith("/static/")) {
                targets.add(target.substring("/static".length()));
            }
        }
        targets.addAll(List.of("/.hidden", "/link.txt", "/linkdir/secret.txt", "/linkdir/static-private/secret.txt",
                "/%2ehidden", "/css/%2e%2e/%2ehidden", "/css/site.css/../../secret.txt"));
        return new ArrayList<>(targets);
    }

    @Test
    void noTraversalAtTheRootReachesAFileOutsideStatic() {
        assertThat(rootCorpus()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(new RawHttp(server.getURI()).get("/css/site.css").body()).as("the folder is served at the root")
                .isEqualTo(stylesheet);
        assertOnlyTheStylesheetOrAnErrorAnswers(rootCorpus(), true);
    }

    /** Follows same-site redirects (the trailing-slash rule), at most three. */
    private static RawHttp.Response follow(RawHttp http, String target) {
        RawHttp.Response response = http.get(target);
        for (int hops = 0; hops < 3 && response.status() == 301; hops++) {
            String location = response.header("Location");
            assertThat(location).as("redirect of %s", target).startsWith("/").doesNotStartWith("//");
            response = http.get(location);
        }
        return response;
    }
}
