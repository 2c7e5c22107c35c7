package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchControllerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    Http http;

    SearchControllerTest() {
        site.post("2025-02-01-zebra.md", """
                title: "Zebra crossings"
                date: 2025-02-01
                """, "Zebra appears in the title and once here. Also the word quokka, near the end.\n");
        site.post("2025-02-02-mentions.md", """
                title: "Mentions"
                date: 2025-02-02
                """, "A newer essay that says zebra in its body, and says it again: zebra.\n");
    }

    @BeforeEach
    void client() {
        http = new Http(server.getURI());
    }

    private Document search(String query) {
        return http.html("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static List<String> results(Document page) {
        return page.select(".search-results h2 a").eachText();
    }

    @Test
    void ranksATitleMatchAboveBodyMatchesAndMarksTheWords() {
        Document page = search("Zebra");
        assertThat(results(page)).containsExactly("Zebra crossings", "Mentions");
        Element snippet = page.selectFirst(".search-results .snippet");
        assertThat(snippet.select("mark").eachText()).containsOnly("Zebra");
        assertThat(page.selectFirst("input#search-q").val()).isEqualTo("Zebra");
        assertThat(page.selectFirst("[role=status]").text()).startsWith("2 essays match");
    }

    @Test
    void everyWordMustOccur() {
        assertThat(results(search("zebra quokka"))).containsExactly("Zebra crossings");
        assertThat(results(search("zebra nothingsuchword"))).isEmpty();
    }

    @Test
    void searchesBodiesOfPublishedEssaysOnly() {
        assertThat(results(search("SELECT"))).containsExactly("Alpha & Omega");
        assertThat(results(search("ready"))).as("the draft's body").isEmpty();
        assertThat(results(search("yet"))).as("the scheduled essay's body").isEmpty();
    }

    @Test
    void oddQueriesGiveAnOrdinaryPage() {
        for (String query : List.of("", "   ", "\"", "%", "'", "' OR 1=1 --", "\"zebra", "100%", "a".repeat(2000),
                "zebra ".repeat(400), "<script>alert(1)</script>", "FT_SEARCH('x', 0, 0)", "\\", "\u0000")) {
            var response = http.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("q=%s", query.length() > 20 ? query.substring(0, 20) + "…" : query)
                    .isEqualTo(200);
        }
        Document page = search("<script>alert(1)</script>");
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.selectFirst("input#search-q").val()).isEqualTo("<script>alert(1)</script>");
        assertThat(results(search("\"zebra"))).containsExactly("Zebra crossings", "Mentions");
        assertThat(search("").select(".search-results")).isEmpty();
        assertThat(http.get("/search").statusCode()).isEqualTo(200);
    }

    @Test
    void theIndexFollowsChangedAndDeletedFiles() throws Exception {
        site.post("2025-02-03-edit.md", """
                title: "Edited"
                date: 2025-02-03
                """, "First version says wombat.\n");
        indexer.reindex();
        assertThat(results(search("wombat"))).containsExactly("Edited");

        site.post("2025-02-03-edit.md", """
                title: "Edited"
                date: 2025-02-03
                """, "Second version says platypus.\n");
        indexer.reindex();
        assertThat(results(search("wombat"))).isEmpty();
        assertThat(results(search("platypus"))).containsExactly("Edited");

        Files.delete(site.posts().resolve("2025-02-03-edit.md"));
        indexer.reindex();
        assertThat(results(search("platypus"))).isEmpty();
    }
}
