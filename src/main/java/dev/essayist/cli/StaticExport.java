package dev.essayist.cli;

import dev.essayist.post.AliasTarget;
import dev.essayist.site.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Writes the whole public site as static files by asking a running Essayist for every URL, so each
 * file is byte-for-byte what the server sends (one rendering path, not a second template set).
 *
 * <p>Layout: a page at {@code /posts/x} becomes {@code posts/x/index.html} ({@code /} becomes
 * {@code index.html}); files with an extension keep their path ({@code feed.xml},
 * {@code tags/t/atom.xml}, {@code sitemap.xml}, {@code robots.txt}, {@code static/...}); each static
 * file (the site's and the theme's) is also written at its root path, as the server serves it; the 404
 * page is {@code 404.html}. Each alias becomes a small redirect page (meta refresh and canonical
 * link) and a line of {@code _redirects} (the format Netlify and Cloudflare Pages read:
 * {@code /old /new 301}). Output is deterministic: the same content gives the same files.
 */
public final class StaticExport {

    /** Bound on the crawl: far above any blog, low enough that a bug cannot run forever. */
    static final int MAX_URLS = 100_000;

    private static final Set<String> SEEDS = Set.of("/", "/sitemap.xml", "/robots.txt", "/feed.xml", "/atom.xml",
            "/feed.json", "/archive", "/tags", "/about");

    private final URI server;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * @param server  the running server, e.g. {@code http://localhost:PORT}
     * @param baseUrl the site's configured base URL, whose absolute links count as internal
     */
    public StaticExport(URI server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * What an export wrote.
     *
     * @param files     files written, relative to the output folder, sorted
     * @param redirects alias redirects written
     */
    public record Result(List<String> files, int redirects) {
    }

    /**
     * @param out       the output folder (created; files in it are overwritten, others left alone)
     * @param staticDir the static folder: each of its files and each file of the theme is exported
     *                  as the server serves it, at {@code static/PATH} and at {@code PATH} (unless a
     *                  page or an alias has that path)
     * @param aliases   the aliases of published posts
     * @return what was written
     * @throws IOException          if a file cannot be written or the server cannot be reached
     * @throws IllegalStateException if a URL the site links to does not answer 200
     */
    public Result export(Path out, Path staticDir, List<AliasTarget> aliases) throws IOException {
        Files.createDirectories(out);
        TreeMap<String, byte[]> files = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(new TreeSet<>(SEEDS));
        Set<String> seen = new TreeSet<>(SEEDS);
        List<String> broken = new ArrayList<>();
        while (!queue.isEmpty()) {
            if (seen.size() > MAX_URLS) {
                throw new IllegalStateException("more than " + MAX_URLS + " URLs; stopping");
            }
            String path = queue.poll();
            HttpResponse<byte[]> response = get(path);
            if (response.statusCode() != 200) {
                if (!path.equals("/about")) {
                    broken.add(path + " answered " + response.statusCode());
                }
                continue;
            }
            files.put(fileFor(path), response.body());
            String type = response.headers().firstValue("Content-Type").orElse("");
            for (String link : links(path, type, response.body())) {
                if (seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("links that do not answer 200: " + broken);
        }
        files.put("404.html", get("/.essayist-export-404").body());
        for (String relative : staticFiles(staticDir)) {
            HttpResponse<byte[]> file = get(urlPath("/static/" + relative));
            // The server refuses what it would not serve (a symbolic link out of the folder): so does the export.
            if (file.statusCode() == 200) {
                files.put("static/" + relative, file.body());
                // At the root too, as the server serves it, unless a page crawled above has that path.
                files.putIfAbsent(relative, file.body());
            }
        }
        StringBuilder redirects = new StringBuilder();
        for (AliasTarget alias : aliases) {
            String target = "/posts/" + alias.slug();
            files.put(fileFor(alias.path()), redirectPage(target).getBytes(StandardCharsets.UTF_8));
            redirects.append(alias.path()).append(' ').append(target).append(" 301\n");
        }
        files.put("_redirects", redirects.toString().getBytes(StandardCharsets.UTF_8));
        for (var entry : files.entrySet()) {
            Path file = out.resolve(entry.getKey()).normalize();
            if (!file.startsWith(out.normalize())) {
                throw new IllegalStateException("refusing to write outside the output folder: " + entry.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        return new Result(List.copyOf(files.keySet()), aliases.size());
    }

    /**
     * @param staticDir the static folder
     * @return every path the server may serve below {@code /static/}: the folder's files that are not
     *         hidden, and the theme's, sorted
     * @throws IOException if the folder cannot be listed
     */
    private static Set<String> staticFiles(Path staticDir) throws IOException {
        Set<String> paths = new TreeSet<>(Theme.FILES);
        try (Stream<Path> walk = Files.exists(staticDir) ? Files.walk(staticDir) : Stream.empty()) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = staticDir.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith(".") && !relative.contains("/.")) {
                    paths.add(relative);
                }
            }
        }
        return paths;
    }

    /** @return the path percent-encoded as a URL path (RFC 3986 §3.3), e.g. {@code /static/a%20b.png} */
    private static String urlPath(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a static file's name cannot be a URL path: " + path, e);
        }
    }

    /**
     * @param path a root-relative URL path
     * @return the file that serves it from a static host: {@code x/index.html} for pages,
     *         the path itself for files with an extension
     */
    static String fileFor(String path) {
        String clean = path.replaceAll("^/+", "").replaceAll("[?#].*$", "");
        if (clean.isEmpty()) {
            return "index.html";
        }
        String last = clean.substring(clean.lastIndexOf('/') + 1);
        return last.contains(".") ? clean : clean.replaceAll("/+$", "") + "/index.html";
    }

    private static String redirectPage(String target) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title>"
                + "<link rel=\"canonical\" href=\"" + target + "\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + target + "\"></head>"
                + "<body><p>This page has moved to <a href=\"" + target + "\">" + target + "</a>.</p></body></html>\n";
    }

    private List<String> links(String path, String type, byte[] body) {
        List<String> links = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("text/html")) {
            Document page = Jsoup.parse(text, server.resolve(path).toString());
            for (Element el : page.select("a[href], link[href], img[src], script[src]")) {
                internal(el.hasAttr("href") ? el.attr("href") : el.attr("src")).ifPresent(links::add);
            }
            // Resized copies of images (/_img/...) are reached only through srcset.
            for (Element img : page.select("img[srcset]")) {
                for (String candidate : img.attr("srcset").split(",")) {
                    internal(candidate.strip().split("\\s+")[0]).ifPresent(links::add);
                }
            }
        } else if (path.equals("/sitemap.xml")) {
            for (Element loc : Jsoup.parse(text, "", Parser.xmlParser()).select("loc")) {
                internal(loc.text()).ifPresent(links::add);
            }
        }
        links.sort(null);
        return links;
    }

    private java.util.Optional<String> internal(String href) {
        String h = href.startsWith(baseUrl + "/") ? href.substring(baseUrl.length()) : href;
        if (!h.startsWith("/") || h.startsWith("//")) {
            return java.util.Optional.empty();
        }
        // Static files are exported from the server's list of them; fingerprints (?v=) do not change the file.
        String path = URI.create(h).getRawPath();
        return path.startsWith("/static/") ? java.util.Optional.empty() : java.util.Optional.of(path);
    }

    private HttpResponse<byte[]> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/$", "") + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + path, e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
