package dev.essayist.cli;

import dev.essayist.post.AliasTarget;
import dev.essayist.site.Theme;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the whole public site as static files by asking a running Essayist for every URL, so each
 * file is byte-for-byte what the server sends (one rendering path, not a second template set).
 * Pages are fetched several at a time and written as they arrive ({@link Crawl}); a file the
 * output folder already holds with the same bytes is left untouched ({@link ExportFiles}).
 *
 * <p>Layout: a page at {@code /posts/x} becomes {@code posts/x/index.html} ({@code /} becomes
 * {@code index.html}); files with an extension keep their path ({@code feed.xml},
 * {@code tags/t/atom.xml}, {@code sitemap.xml}, {@code robots.txt}, {@code static/...}); each static
 * file (the site's and the theme's) is also written at its root path, as the server serves it; the
 * 404 page is {@code 404.html}. Each alias, and each other path of the site that answers a redirect,
 * becomes a small redirect page (meta refresh and canonical link) and a line of
 * {@code _redirects} (the format Netlify and Cloudflare Pages read: {@code /old /new 301}).
 * Output is deterministic: the same content gives the same files.
 */
final class StaticExport {

    /** Bound on the crawl: far above any blog, low enough that a bug cannot run forever. */
    static final int MAX_URLS = Crawl.MAX_URLS;

    /** Requests in flight: enough to keep every core rendering while other responses travel. */
    static final int PARALLELISM = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private static final Set<String> SEEDS = Set.of("/", "/sitemap.xml", "/robots.txt", "/feed.xml", "/atom.xml",
            "/feed.json", "/archive", "/tags", "/about");

    private final URI server;
    private final String baseUrl;

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
     * @param files       files of the export, relative to the output folder, sorted
     * @param redirects   redirect pages written (aliases and other redirecting paths)
     * @param unchanged   files the output folder already held with the same bytes (not rewritten)
     * @param unreachable paths the site links to that answered neither 200 nor a redirect, each
     *                    as {@code /path (404)}, sorted; nothing was written for them
     */
    public record Result(List<String> files, int redirects, int unchanged, List<String> unreachable) {
    }

    /**
     * @param out       the output folder (created; files in it are overwritten, others left alone)
     * @param staticDir the static folder: each of its files and each file of the theme is exported
     *                  as the server serves it, at {@code static/PATH} and at {@code PATH} (unless a
     *                  page or a redirect has that path)
     * @param aliases   the aliases of published posts
     * @return what was written
     * @throws IOException if a file cannot be written or the server cannot be reached
     */
    public Result export(Path out, Path staticDir, List<AliasTarget> aliases) throws IOException {
        Files.createDirectories(out);
        ExportFiles files = new ExportFiles(out);
        Crawl crawl = new Crawl(server, baseUrl, PARALLELISM);
        Crawl.Outcome outcome = crawl.run(SEEDS, (path, body) -> files.write(fileFor(path), body));
        files.write("404.html", crawl.get("/.essayist-export-404").body());
        List<String> statics = new ArrayList<>();
        for (String relative : staticFiles(staticDir)) {
            HttpResponse<byte[]> file = crawl.get(urlPath("/static/" + relative));
            // The server refuses what it would not serve (a symbolic link out of the folder): so does the export.
            if (file.statusCode() == 200) {
                files.write("static/" + relative, file.body());
                statics.add(relative);
            }
        }
        StringBuilder redirects = new StringBuilder();
        Set<String> redirected = new HashSet<>();
        for (AliasTarget alias : aliases) {
            redirect(files, redirects, alias.path(), alias.target());
            redirected.add(alias.path());
        }
        for (Map.Entry<String, String> other : outcome.redirects().entrySet()) {
            if (redirected.add(other.getKey())) {
                redirect(files, redirects, other.getKey(), rootRelative(other.getValue()));
            }
        }
        // At the root too, as the server answers there: pages and redirects written above keep their
        // paths (routes and aliases win over a static file), the first file written for a name stays.
        for (String relative : statics) {
            HttpResponse<byte[]> file = crawl.get(urlPath("/" + relative));
            if (file.statusCode() == 200) {
                files.write(relative, file.body());
            }
        }
        files.write("_redirects", redirects.toString().getBytes(StandardCharsets.UTF_8));
        List<String> unreachable = new ArrayList<>();
        // The about page is optional (posts/pages/about.md); every other missing page is a broken link.
        outcome.unreachable().forEach((path, status) -> {
            if (!(path.equals("/about") && status == 404)) {
                unreachable.add(path + " (" + status + ")");
            }
        });
        return new Result(files.names(), redirected.size(), files.unchanged(), List.copyOf(unreachable));
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

    private static void redirect(ExportFiles files, StringBuilder lines, String from, String to) throws IOException {
        files.write(fileFor(from), redirectPage(to).getBytes(StandardCharsets.UTF_8));
        lines.append(from).append(' ').append(to).append(" 301\n");
    }

    /** @return a Location as the site's own root-relative path, when it points into the site */
    private String rootRelative(String location) {
        String origin = server.toString().replaceAll("/$", "");
        return location.startsWith(origin + "/") ? location.substring(origin.length())
                : location.startsWith(baseUrl + "/") ? location.substring(baseUrl.length()) : location;
    }

    private static String redirectPage(String target) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title>"
                + "<link rel=\"canonical\" href=\"" + target + "\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + target + "\"></head>"
                + "<body><p>This page has moved to <a href=\"" + target + "\">" + target + "</a>.</p></body></html>\n";
    }
}
