package dev.essayist.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The internal links of a page that {@link Crawl} fetched: what it follows next. A link is internal
 * when it is root-relative or absolute on the site's base URL or on the running server; links to
 * {@code /static/...} are not, since the export copies the static folder itself.
 *
 * <p>Thread-safe: it holds only the two origins, and the crawl calls it from the HTTP client's threads.
 *
 * @param server  the running server, e.g. {@code http://127.0.0.1:PORT}
 * @param baseUrl the site's base URL without trailing slash; its absolute links count as internal
 */
record PageLinks(URI server, String baseUrl) {

    /**
     * @param path the root-relative path the page was fetched from, e.g. {@code /posts/x}
     * @param type the response's {@code Content-Type}, or empty
     * @param body the response's bytes, read as UTF-8
     * @return the internal links of an HTML page ({@code a}, {@code link}, {@code img},
     *         {@code script} and each {@code srcset} candidate) or of {@code /sitemap.xml}
     *         ({@code loc}), as root-relative paths, sorted, repeats kept; empty for anything else
     */
    List<String> of(String path, String type, byte[] body) {
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

    /**
     * @param href a link as written: root-relative, or absolute on the base URL or the server
     * @return its root-relative path (query and fragment dropped) when internal and not under
     *         {@code /static/}; empty for any other
     * @throws IllegalArgumentException if the link is root-relative but not a valid URI
     */
    Optional<String> internal(String href) {
        String origin = server.toString().replaceAll("/$", "");
        String h = href.startsWith(baseUrl + "/") ? href.substring(baseUrl.length())
                : href.startsWith(origin + "/") ? href.substring(origin.length()) : href;
        if (!h.startsWith("/") || h.startsWith("//")) {
            return Optional.empty();
        }
        // Static files are exported from the folder itself; fingerprints (?v=) do not change the file.
        String path = URI.create(h).getRawPath();
        return path.startsWith("/static/") ? Optional.empty() : Optional.of(path);
    }
}
