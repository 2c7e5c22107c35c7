package dev.essayist;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The real demo content in posts/: it must index cleanly and every internal link must work. */
@MicronautTest(transactional = false)
class DemoSiteTest {

    /** Bound on the crawl, far above the demo site's size. */
    private static final int MAX_PAGES = 500;

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Test
    void everyDemoEssayIndexesWithoutAProblem() throws Exception {
        assertThat(indexer.problems()).isEmpty();
        long files;
        try (Stream<Path> list = Files.list(Path.of("posts"))) {
            files = list.filter(p -> p.toString().endsWith(".md")).count();
        }
        assertThat(files).isGreaterThanOrEqualTo(4);
        String feed = new Http(server.getURI()).get("/feed.xml").body();
        Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(feed)));
        assertThat(channel.getItems()).hasSize((int) files);
    }

    @Test
    void everyInternalLinkOnEveryPageAnswers200() {
        Http http = new Http(server.getURI());
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> broken = new LinkedHashMap<>();
        queue.add("/");
        seen.add("/");
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String path = queue.poll();
            HttpResponse<String> response = http.get(path);
            if (response.statusCode() != 200) {
                broken.put(path, String.valueOf(response.statusCode()));
                continue;
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.body(), server.getURI().resolve(path).toString());
            for (Element link : page.select("a[href], link[href], img[src], script[src]")) {
                String raw = link.hasAttr("href") ? link.attr("href") : link.attr("src");
                if (raw.startsWith("#")) {
                    assertThat(page.getElementById(raw.substring(1))).as(path + " links to missing anchor " + raw).isNotNull();
                    continue;
                }
                String target = internalPath(raw);
                if (target != null && seen.add(target)) {
                    queue.add(target);
                }
            }
        }
        assertThat(broken).as("internal links that do not answer 200").isEmpty();
        assertThat(seen).contains("/about", "/archive", "/tags", "/feed.xml")
                .anyMatch(p -> p.startsWith("/posts/")).anyMatch(p -> p.startsWith("/tags/"))
                .anyMatch(p -> p.startsWith("/static/"));
    }

    /** @return the path of a same-site link without its fragment, or {@code null} for other sites */
    private static String internalPath(String href) {
        String h = href.replaceFirst("^https://essays\\.example\\.com", "");
        if (!h.startsWith("/") || h.startsWith("//")) {
            return null;
        }
        URI uri = URI.create(h);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
