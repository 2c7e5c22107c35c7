package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The archive of the issue: 80 essays each say "zebra" once in the body, and the oldest has it in
 * its title. Lucene ranks the whole archive, so that essay is first, and every match is on a page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchArchiveTest implements TestPropertyProvider {

    private static final int ESSAYS = 80;

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < ESSAYS; i++) {
            String title = i == 0 ? "Zebra crossings considered harmful" : "Essay " + i;
            site.post(first.plusDays(i) + "-essay-" + i + ".md", "title: \"" + title + "\"\ndate: " + first.plusDays(i) + "\n",
                    "Essay " + i + " mentions a zebra once, among other words.\n");
        }
        Map<String, String> props = new HashMap<>(site.properties());
        props.put("essayist.page-size", "10");
        return props;
    }

    private static List<String> results(Document page) {
        return page.select(".search-results h2 a").eachText();
    }

    /** @return "Essay from", ..., "Essay to", newest first */
    private static List<String> essays(int from, int to) {
        List<String> titles = new ArrayList<>();
        for (int i = from; i >= to; i--) {
            titles.add("Essay " + i);
        }
        return titles;
    }

    @Test
    void theTitleMatchRanksFirstAndTiesGoToTheNewest() {
        Document page = new Http(server.getURI()).html("/search?q=zebra");
        List<String> expected = new ArrayList<>(List.of("Zebra crossings considered harmful"));
        expected.addAll(essays(79, 71));
        assertThat(results(page)).containsExactlyElementsOf(expected);
        assertThat(page.selectFirst("[role=status]").text()).isEqualTo("80 essays match “zebra” · page 1 of 8.");
        assertThat(page.select("link[rel=next]").attr("href")).isEqualTo("/search?q=zebra&page=2");
    }

    @Test
    void everyMatchIsReachable() {
        Http http = new Http(server.getURI());
        Document second = http.html("/search?q=zebra&page=2");
        assertThat(results(second)).containsExactlyElementsOf(essays(70, 61));
        assertThat(second.selectFirst("[role=status]").text()).isEqualTo("80 essays match “zebra” · page 2 of 8.");
        assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo("/search?q=zebra");
        assertThat(second.select("link[rel=next]").attr("href")).isEqualTo("/search?q=zebra&page=3");

        Document last = http.html("/search?q=zebra&page=8");
        assertThat(results(last)).containsExactlyElementsOf(essays(10, 1));
        assertThat(last.select("link[rel=next]")).isEmpty();
        assertThat(http.get("/search?q=zebra&page=9").statusCode()).isEqualTo(404);
    }
}
