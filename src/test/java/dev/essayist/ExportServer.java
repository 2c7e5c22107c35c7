package dev.essayist;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An exported folder served by a plain static file server on loopback, as a CDN or a bucket would
 * serve it: a folder answers its {@code index.html} (and {@code 301}s to its slash form), anything
 * else missing answers {@code 404.html} with status 404. {@link #crawl} follows every internal link
 * and image from the home page, as a reader's browser would.
 */
public final class ExportServer implements AutoCloseable {

    private final HttpServer server;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param root the exported folder
     * @throws IOException if no loopback port can be bound
     */
    public ExportServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the address of the file server, e.g. {@code http://127.0.0.1:PORT} */
    public URI base() {
        return base;
    }

    /**
     * @param path a path, e.g. {@code /feed.xml}
     * @return its response, redirects followed
     */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Follows every root-relative {@code a[href]}, {@code link[href]} and {@code img[src]} of every
     * HTML page reached from {@code /} (at most 500 paths).
     *
     * @return every path reached (in order) mapped to its final status; a broken link is one whose status is not 200
     */
    public Map<String, Integer> crawl() throws IOException, InterruptedException {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new HashSet<>(queue);
        Map<String, Integer> reached = new LinkedHashMap<>();
        while (!queue.isEmpty() && seen.size() < 500) {
            String path = queue.poll();
            HttpResponse<String> response = get(path);
            reached.put(path, response.statusCode());
            boolean page = path.endsWith(".html") || path.endsWith("/") || !path.contains(".");
            if (response.statusCode() != 200 || !page) {
                continue;
            }
            Document doc = Jsoup.parse(response.body(), base.resolve(path).toString());
            for (Element el : doc.select("a[href], link[href], img[src]")) {
                String href = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                if (href.startsWith("/") && !href.startsWith("//")) {
                    String target = URI.create(href).getRawPath();
                    if (seen.add(target)) {
                        queue.add(target);
                    }
                }
            }
        }
        return reached;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
