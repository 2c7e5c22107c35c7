package dev.essayist;

import dev.essayist.TestSite.Http;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One path of every page type of the demo site (index, essay, tag, tags, archive, about, search,
 * 404), found by reading the running site rather than hard-coded, for tests that must cover every
 * page type (accessibility, HTML validity, layout).
 */
public final class DemoPages {

    /** A word that occurs in the body of the demo essay "What Must Always Be True", not in its title. */
    public static final String BODY_WORD = "outbox";

    private DemoPages() {
    }

    /**
     * @param http a client of the running demo site
     * @return page type → root-relative path, in a stable order
     */
    public static Map<String, String> of(Http http) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("index", "/");
        pages.put("essay", longestEssay(http));
        Document index = http.html("/");
        pages.put("tag", index.selectFirst(".post-summary .tags a").attr("href"));
        pages.put("tags", "/tags");
        pages.put("archive", "/archive");
        pages.put("about", "/about");
        pages.put("search", "/search?q=" + BODY_WORD);
        pages.put("404", "/posts/no-such-essay");
        return pages;
    }

    /**
     * @param http a client of the running demo site
     * @return the path of the essay with the longest reading time on the index
     */
    public static String longestEssay(Http http) {
        return http.html("/").select(".post-summary").stream()
                .max(Comparator.comparingInt(DemoPages::minutes))
                .map(e -> e.selectFirst("h2 a").attr("href"))
                .orElseThrow(() -> new AssertionError("the demo index lists no essay"));
    }

    private static int minutes(Element summary) {
        String meta = summary.selectFirst(".meta").text();
        return Integer.parseInt(meta.replaceAll(".*?(\\d+) min read.*", "$1"));
    }
}
