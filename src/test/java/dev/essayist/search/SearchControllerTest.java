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

/** What a reader can type into {@code /search}, asserted on the result pages (page size 2). */
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
                tags: [Animals]
                """, "Zebra appears in the title and once here. Also the word quokka, near the end.\n");
        site.post("2025-02-02-mentions.md", """
                title: "Mentions"
                date: 2025-02-02
                tags: [Animals, PostgreSQL]
                """, "A newer essay that says zebra in its body, and says it again: zebra.\n");
        site.post("2025-02-03-queue.md", """
                title: "One queue"
                date: 2025-02-03
                tags: [Queues]
                """, "A single queue, taken with SKIP LOCKED while a transaction runs. Written in a café."
                + " The attack was `<script>alert(1)</script>`, shown as text.\n");
        site.post("2025-02-04-apart.md", """
                title: "Words apart"
                date: 2025-02-04
                """, "We skip the line when the door is locked. Transactions pile up.\n");
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

    private List<String> results(String query) {
        return results(search(query));
    }

    @Test
    void ranksATitleMatchAboveBodyMatchesAndMarksTheWords() {
        Document page = search("Zebra");
        assertThat(results(page)).containsExactly("Zebra crossings", "Mentions");
        Element snippet = page.selectFirst(".search-results .snippet");
        assertThat(snippet.select("mark").eachText()).containsOnly("Zebra");
        assertThat(page.selectFirst("input#search-q").val()).isEqualTo("Zebra");
        assertThat(page.selectFirst("[role=status]").text()).isEqualTo("2 essays match “Zebra”.");
    }

    @Test
    void everyWordMustOccur() {
        assertThat(results("zebra quokka")).containsExactly("Zebra crossings");
        assertThat(results("zebra nothingsuchword")).isEmpty();
        assertThat(results("skip locked")).containsExactlyInAnyOrder("One queue", "Words apart");
    }

    @Test
    void aQuotedPhraseMatchesItsWordsSideBySideAsWritten() {
        assertThat(results("\"skip locked\"")).containsExactly("One queue");
        assertThat(search("\"skip locked\"").select(".snippet mark").eachText()).containsExactly("SKIP LOCKED");
        assertThat(results("\"skip locking\"")).as("a phrase is not stemmed").isEmpty();
    }

    @Test
    void aTrailingStarMatchesWordsThatStartSo() {
        assertThat(results("transacti*")).containsExactlyInAnyOrder("One queue", "Words apart");
        assertThat(results("transacti")).isEmpty();
        assertThat(search("transacti*").select(".snippet mark").eachText())
                .containsExactlyInAnyOrder("transaction", "Transactions");
    }

    @Test
    void wordsMatchTheirEnglishStems() {
        assertThat(results("queues")).as("'queue' in a title and a body, 'Queues' a tag of Alpha")
                .containsExactly("One queue", "Alpha & Omega");
        assertThat(results("singles")).containsExactly("One queue");
        assertThat(results("locking")).containsExactlyInAnyOrder("One queue", "Words apart");
        assertThat(search("locking").select(".snippet mark").eachText()).containsExactlyInAnyOrder("LOCKED", "locked");
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        assertThat(results("cafe")).containsExactly("One queue");
        assertThat(results("CAFÉ")).containsExactly("One queue");
        assertThat(search("cafe").selectFirst(".snippet mark").text()).isEqualTo("café");
    }

    @Test
    void tagRestrictsTheResultsAndResultsOfferTheirTags() {
        assertThat(results("zebra tag:postgresql")).containsExactly("Mentions");
        assertThat(results("locked tag:Queues")).containsExactly("One queue");
        assertThat(results("tag:queues")).as("a tag alone: its essays, newest first").containsExactly("One queue", "Alpha & Omega");

        Element narrow = search("zebra").select(".search-narrow a").stream()
                .filter(a -> a.text().equals("PostgreSQL")).findFirst().orElseThrow();
        assertThat(narrow.attr("href")).isEqualTo("/search?q=zebra+tag%3Apostgresql");
        assertThat(results(http.html(narrow.attr("href")))).containsExactly("Mentions");
    }

    @Test
    void everyResultIsReachableAPageAtATime() {
        Document first = search("tag:postgresql");
        assertThat(first.selectFirst("[role=status]").text()).isEqualTo("3 essays match “tag:postgresql” · page 1 of 2.");
        assertThat(results(first)).containsExactly("Beta", "Mentions");
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo("/search?q=tag%3Apostgresql&page=2");
        assertThat(first.select("link[rel=prev]")).isEmpty();
        assertThat(first.selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo("/search?q=tag%3Apostgresql&page=2");

        Document second = http.html("/search?q=tag%3Apostgresql&page=2");
        assertThat(results(second)).containsExactly("Alpha & Omega");
        assertThat(second.selectFirst(".search-results").attr("start")).isEqualTo("3");
        assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo("/search?q=tag%3Apostgresql");
        assertThat(second.select("link[rel=next]")).isEmpty();

        assertThat(http.get("/search?q=tag%3Apostgresql&page=3").statusCode()).isEqualTo(404);
        assertThat(http.get("/search?q=tag%3Apostgresql&page=0").statusCode()).isEqualTo(404);
        assertThat(http.get("/search?q=tag%3Apostgresql&page=two").statusCode()).isEqualTo(404);
        assertThat(http.get("/search?q=tag%3Apostgresql&page=99999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void snippetsAreEscapedText() {
        Element snippet = search("alert").selectFirst(".search-results .snippet");
        assertThat(snippet.select("script")).isEmpty();
        assertThat(snippet.text()).contains("<script>alert(1)</script>");
        assertThat(snippet.select("mark").eachText()).containsExactly("alert");
    }

    @Test
    void searchesPublishedEssaysOnly() {
        assertThat(results("SELECT")).containsExactly("Alpha & Omega");
        assertThat(results("ready")).as("the draft's body").isEmpty();
        assertThat(results("yet")).as("the scheduled essay's body").isEmpty();
        assertThat(search("not").selectFirst("[role=status]").text()).as("nor counted")
                .isEqualTo("No essay matches “not”.");
    }

    @Test
    void lucenesSyntaxIsReadAsPlainWords() {
        assertThat(results("title:zebra")).as("the words 'title' and 'zebra'").containsExactly("Zebra crossings");
        assertThat(results("\"zebra")).as("an unmatched quote").containsExactly("Zebra crossings", "Mentions");
        assertThat(results("(zebra")).containsExactly("Zebra crossings", "Mentions");
        assertThat(results("[zebra")).containsExactly("Zebra crossings", "Mentions");
        assertThat(results("zebra~2")).as("the words 'zebra' and '2'").isEmpty();
        assertThat(results("zebra " + "x".repeat(3000))).isEmpty();
    }

    @Test
    void oddQueriesGiveAnOrdinaryPage() {
        for (String query : List.of("", "   ", "\"", "%", "'", "' OR 1=1 --", "100%", "a".repeat(3000),
                "zebra ".repeat(600), "<script>alert(1)</script>", "FT_SEARCH('x', 0, 0)", "\\", "\u0000", "*", "a*",
                "field:x", "~", "zebra~", "{a TO b]", "((((", "tag:", "tag:%%%", "\"a\"~3", "-zebra", "+zebra")) {
            var response = http.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("q=%s", query.length() > 20 ? query.substring(0, 20) + "…" : query)
                    .isEqualTo(200);
        }
        Document page = search("<script>alert(1)</script>");
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.selectFirst("input#search-q").val()).isEqualTo("<script>alert(1)</script>");
        assertThat(search("").select(".search-results")).isEmpty();
        assertThat(http.get("/search").statusCode()).isEqualTo(200);
    }

    @Test
    void theIndexFollowsChangedAndDeletedFiles() throws Exception {
        site.post("2025-02-05-edit.md", """
                title: "Edited"
                date: 2025-02-05
                """, "First version says wombat.\n");
        indexer.reindex();
        assertThat(results("wombat")).containsExactly("Edited");

        site.post("2025-02-05-edit.md", """
                title: "Edited"
                date: 2025-02-05
                """, "Second version says platypus.\n");
        indexer.reindex();
        assertThat(results("wombat")).isEmpty();
        assertThat(results("platypus")).containsExactly("Edited");

        Files.delete(site.posts().resolve("2025-02-05-edit.md"));
        indexer.reindex();
        assertThat(results("platypus")).isEmpty();
    }
}
