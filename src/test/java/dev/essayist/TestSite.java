package dev.essayist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A small site written inline by a test (Hugo-style integration tests), and a loopback HTTP
 * client that follows no redirects and throws on no status, so tests see exactly what was sent.
 */
public final class TestSite {

    private final Path root;

    private TestSite(Path root) {
        this.root = root;
    }

    /**
     * @param prefix the start of the folder's name
     * @return a new empty folder under {@code target/test-tmp/}, so that tests leave nothing in the
     *         system's temporary folder and {@code mvn clean} removes what they wrote
     * @throws UncheckedIOException if it cannot be created
     */
    public static Path tempFolder(String prefix) {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-tmp").toAbsolutePath());
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a new site in a fresh temporary folder, with an empty posts/ and static/css/site.css */
    public static TestSite create() {
        try {
            Path root = tempFolder("essayist-test");
            Files.createDirectories(root.resolve("posts/pages"));
            Files.createDirectories(root.resolve("static/css"));
            Files.writeString(root.resolve("static/css/site.css"), "body { color: black; }\n");
            return new TestSite(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the posts folder */
    public Path posts() {
        return root.resolve("posts");
    }

    /** @return the static folder */
    public Path statics() {
        return root.resolve("static");
    }

    /**
     * @param name file name under posts/, e.g. {@code 2025-01-01-a.md} or {@code pages/about.md}
     * @param text the whole file
     * @return the file written
     */
    public Path write(String name, String text) {
        try {
            Path file = posts().resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name file name under posts/, e.g. {@code 2025-01-01-a.md}
     * @throws UncheckedIOException if it does not exist or cannot be deleted
     */
    public void delete(String name) {
        try {
            Files.delete(posts().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name  path under static/, e.g. {@code img/a.png}
     * @param bytes the file's content
     * @return the file written
     */
    public Path staticFile(String name, byte[] bytes) {
        try {
            Path file = statics().resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name       file name under posts/
     * @param frontMatter YAML lines without the delimiters
     * @param body       Markdown body
     * @return the file written
     */
    public Path post(String name, String frontMatter, String body) {
        return write(name, "---\n" + frontMatter.strip() + "\n---\n" + body);
    }

    /** @return the settings pointing Essayist at this site */
    public Map<String, String> properties() {
        Map<String, String> props = new HashMap<>();
        props.put("essayist.posts-dir", posts().toString());
        props.put("essayist.static-dir", statics().toString());
        return props;
    }

    /**
     * @param permalink the moved blog's address pattern, also its feed ids' (as its engine published them)
     * @return the settings of a blog moved here from another engine, at {@code https://example.org}
     */
    public Map<String, String> movedProperties(String permalink) {
        Map<String, String> props = properties();
        props.put("essayist.base-url", "https://example.org");
        props.put("essayist.permalink", permalink);
        props.put("essayist.feed.id-permalink", permalink);
        return props;
    }

    /** A JDK HTTP client bound to one server, for loopback tests. */
    public static final class Http {
        private static final HttpClient CLIENT = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI base;

        /** @param base the server's URL, e.g. {@code http://localhost:PORT} */
        public Http(URI base) {
            this.base = base;
        }

        /**
         * @param path    a root-relative path with query
         * @param headers header name/value pairs
         * @return the response, body as UTF-8 text
         */
        public HttpResponse<String> get(String path, String... headers) {
            return send("GET", path, headers);
        }

        /**
         * @param method  HTTP method
         * @param path    a root-relative path with query
         * @param headers header name/value pairs
         * @return the response, body as UTF-8 text
         */
        public HttpResponse<String> send(String method, String path, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * @param path a root-relative path
         * @return the page parsed by jsoup, with its URL as base URI
         * @throws AssertionError if the status is not 200
         */
        public Document html(String path) {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return Jsoup.parse(response.body(), base.resolve(path).toString());
        }
    }
}
