package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A corpus of broken posts, one per problem the validation gate knows: each is reported with its
 * exact file, line and message, and every good essay (and every file whose problem is a warning)
 * is still served.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenPostsTest implements TestPropertyProvider {

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        site.staticFile("img/ok.png", new byte[] {1, 2, 3});
        site.post("2025-01-01-good.md", "title: Good\ndate: 2025-01-01\naliases: [/old/good]\n", """
                ## Real heading

                See [it](#real-heading), [the other](/posts/unknown-key#a-section) and ![ok](/static/img/ok.png).
                """);
        site.write("2025-02-01-no-front-matter.md", "Just text.\n");
        site.write("2025-02-02-unterminated.md", "---\ntitle: Open\ndate: 2025-02-02\nBody.\n");
        site.post("2025-02-03-yaml-syntax.md", "title: [unclosed\ndate: 2025-02-03\n", "Body.\n");
        site.post("2025-02-04-no-title.md", "date: 2025-02-04\n", "Body.\n");
        site.post("2025-02-05-empty-title.md", "title: \"  \"\ndate: 2025-02-05\n", "Body.\n");
        site.post("no-date.md", "title: No date\n", "Body.\n");
        site.post("2025-02-07-bad-date.md", "title: Bad date\ndate: 2025-13-01\n", "Body.\n");
        site.post("2025-02-08-updated-before.md", "title: Updated\ndate: 2025-02-08\nupdated: 2025-02-01\n", "Body.\n");
        site.post("2025-02-09-tags-number.md", "title: Tags\ndate: 2025-02-09\ntags: 42\n", "Body.\n");
        site.post("2025-02-10-draft-yes.md", "title: Draft\ndate: 2025-02-10\ndraft: \"yes\"\n", "Body.\n");
        site.post("2025-02-11-unknown-key.md", "title: Unknown key\ndate: 2025-02-11\nsumary: Typo.\n",
                "## A section\n\nText.\n");
        site.post("2025-02-12-dup-slug.md", "title: Dup slug\ndate: 2025-02-12\nslug: good\n", "Body.\n");
        site.post("2025-02-13-dup-id.md", "title: Dup id\ndate: 2025-02-13\nid: 2025-01-01-good\n", "Body.\n");
        site.post("2025-02-14-dup-alias.md", "title: Dup alias\ndate: 2025-02-14\naliases: [/old/good]\n", "Body.\n");
        site.post("2025-02-15-route.md", "title: Route\ndate: 2025-02-15\naliases:\n  - /feed.xml\n", "Body.\n");
        site.post("2025-02-16-unsafe-slug.md", "title: Unsafe\ndate: 2025-02-16\nslug: \"Not Safe!\"\n", "Body.\n");
        write("2025-02-17-latin1.md", "---\ntitle: Latin-1\ndate: 2025-02-17\n---\nCaf\u00e9.\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        write("2025-02-18-bom.md", ("\uFEFF---\ntitle: BOM\ndate: 2025-02-18\n---\nWith a byte-order mark.\n")
                .getBytes(StandardCharsets.UTF_8));
        site.write("2025-02-19-crlf.md", "---\r\ntitle: CRLF\r\ndate: 2025-02-19\r\n---\r\nWindows line endings.\r\n");
        site.post("2025-02-20-empty-body.md", "title: Empty\ndate: 2025-02-20\n", "\n");
        site.write("2025-02-21-huge.md", "---\ntitle: Huge\ndate: 2025-02-21\n---\n" + "word ".repeat(500_000));
        site.post("2025-02-22-links.md", "title: Links\ndate: 2025-02-22\n", """
                A [missing essay](/posts/nowhere).

                A [missing anchor](#nowhere) and [another](/posts/good#nowhere).

                ![missing image](/static/img/missing.png)
                """);
        return site.properties();
    }

    private void write(String name, byte[] bytes) {
        try {
            Files.write(site.posts().resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String file(String name) {
        return site.posts().resolve(name).toString();
    }

    @Test
    void everyProblemIsReportedWithFileLineAndMessage() {
        assertThat(indexer.problems()).extracting(Object::toString).containsExactly(
                file("2025-02-01-no-front-matter.md") + ":1: error: no front matter: the file must start with a line '---' then YAML then '---' (or '+++' and TOML, or a JSON object)",
                file("2025-02-02-unterminated.md") + ":1: error: front matter is not terminated: no closing '---' line after the opening one",
                file("2025-02-03-yaml-syntax.md") + ":3: error: YAML syntax error: expected ',' or ']', but got :",
                file("2025-02-04-no-title.md") + ":2: error: 'title' is missing; every post needs a title",
                file("2025-02-05-empty-title.md") + ":2: error: 'title' is empty",
                file("2025-02-07-bad-date.md") + ":3: error: 'date' is not a date: \"2025-13-01\" (use ISO-8601, e.g. 2025-03-14 or 2025-03-14T09:00:00-05:00)",
                file("2025-02-08-updated-before.md") + ":4: warning: 'updated' (2025-02-01T00:00-06:00) is before the date (2025-02-08T00:00-06:00); it is ignored",
                file("2025-02-09-tags-number.md") + ":4: error: 'tags' must be a list such as [a, b], not the number \"42\"",
                file("2025-02-10-draft-yes.md") + ":4: error: 'draft' must be true or false, not \"yes\"",
                file("2025-02-11-unknown-key.md") + ":4: warning: unknown key 'sumary'; did you mean 'summary'?",
                file("2025-02-12-dup-slug.md") + ":4: warning: the address '/posts/good' is already used by " + file("2025-01-01-good.md")
                        + "; this post is published at '/posts/good-2' (set 'slug' or 'url' to choose)",
                file("2025-02-13-dup-id.md") + ":4: error: id '2025-01-01-good' is already used by " + file("2025-01-01-good.md"),
                file("2025-02-14-dup-alias.md") + ":4: error: alias '/old/good' is already used by " + file("2025-01-01-good.md"),
                file("2025-02-15-route.md") + ":4: error: alias '/feed.xml' collides with the route /feed.xml",
                file("2025-02-16-unsafe-slug.md") + ":4: warning: slug 'Not Safe!' is not URL-safe; the post is published as 'not-safe'",
                file("2025-02-17-latin1.md") + ":5: error: file is not UTF-8; save it as UTF-8",
                file("2025-02-20-empty-body.md") + ":5: warning: the body is empty",
                file("2025-02-21-huge.md") + ": error: file is 2500037 bytes; the limit is 2097152 (2 MB)",
                file("2025-02-22-links.md") + ":5: warning: link '/posts/nowhere': no essay, alias or static file has the address '/posts/nowhere'",
                file("2025-02-22-links.md") + ":7: warning: link '#nowhere': this essay has no heading with the id 'nowhere'",
                file("2025-02-22-links.md") + ":7: warning: link '/posts/good#nowhere': essay '/posts/good' has no heading with the id 'nowhere'",
                file("2025-02-22-links.md") + ":9: warning: image '/static/img/missing.png': no such file under the static folder",
                file("no-date.md") + ":2: error: 'date' is missing; add the first publication date, e.g. date: 2025-03-14");
    }

    @Test
    void everyGoodEssayAndEveryFileWithOnlyWarningsIsServed() {
        Http http = new Http(server.getURI());
        List<String> served = new ArrayList<>();
        for (String slug : List.of("good", "unknown-key", "bom", "crlf", "empty-body", "links")) {
            if (http.get("/posts/" + slug).statusCode() == 200) {
                served.add(slug);
            }
        }
        assertThat(served).containsExactly("good", "unknown-key", "bom", "crlf", "empty-body", "links");
        assertThat(http.html("/posts/bom").selectFirst("h1").text()).isEqualTo("BOM");
        assertThat(http.html("/posts/crlf").select(".prose p").text()).isEqualTo("Windows line endings.");
        assertThat(http.get("/posts/no-title").statusCode()).isEqualTo(404);
        assertThat(http.get("/posts/huge").statusCode()).isEqualTo(404);
        assertThat(http.get("/feed.xml").statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthStaysUpAndListsTheProblems() throws IOException {
        var response = new Http(server.getURI()).get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> health = json.readValue(response.body(), Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("content");
        assertThat(content.get("status")).isEqualTo("UP");
        Map<String, Object> details = (Map<String, Object>) content.get("details");
        assertThat(details).containsEntry("errors", 14).containsEntry("warnings", 9);
        List<Map<String, Object>> problems = (List<Map<String, Object>>) details.get("problems");
        assertThat(problems.get(0)).containsEntry("file", file("2025-02-01-no-front-matter.md"))
                .containsEntry("line", 1).containsEntry("severity", "error")
                .containsEntry("message", "no front matter: the file must start with a line '---' then YAML then '---' (or '+++' and TOML, or a JSON object)");
        assertThat(problems).extracting(p -> p.get("text")).containsExactlyElementsOf(
                indexer.problems().stream().map(Object::toString).toList());
    }
}
