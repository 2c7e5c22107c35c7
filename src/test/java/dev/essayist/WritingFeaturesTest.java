package dev.essayist;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.InputSource;

/**
 * The essay that uses every technical-writing feature, served: each feature is on the page, the
 * page is valid HTML by the Nu checker, the file has no problem, and its Atom entry carries the
 * same content (without the margin copies of its footnotes).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritingFeaturesTest extends WritingFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    @Inject
    ContentIndexer indexer;

    @Test
    void everyFeatureIsRenderedOnThePage() {
        Element prose = new Http(server.getURI()).html(ESSAY).selectFirst(".prose");
        assertThat(prose.select("figure.diagram svg[role=img]")).hasSize(2);
        assertThat(prose.selectFirst("figure.diagram svg").select("text")).extracting(Element::text)
                .contains("Worker A", "PostgreSQL", "Worker B");
        assertThat(prose.select("figure.diagram figcaption")).extracting(Element::text)
                .containsExactly("Two workers claim jobs with SKIP LOCKED", "Job states");
        assertThat(prose.select("p > math:not([display])")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(prose.select("math[display=block]")).hasSize(2);
        assertThat(prose.select("div.callout[role=note] > p.callout-title")).extracting(Element::text)
                .containsExactly("Note", "Tip", "Important", "Warning", "Caution");
        assertThat(prose.select("figure.figure > img[loading=lazy] + figcaption")).extracting(Element::text)
                .containsExactly("Queue depth over one afternoon: two workers keep it under 40 jobs", "Latency by hour");
        assertThat(prose.select("span.sidenote[aria-hidden=true]")).hasSize(2);
        assertThat(prose.select("figure.code-block figcaption.code-title")).extracting(Element::text).containsExactly("claim.sql");
        assertThat(prose.select("script, [style]")).isEmpty();
        assertThat(indexer.problems()).isEmpty();
    }

    @Test
    void essayPageHasNoNuCheckerError() throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String html = new Http(server.getURI()).get(ESSAY).body();
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        int messages = 0;
        for (JsonNode message : json.readValue(report, JsonNode.class).get("messages").values()) {
            messages++;
            String type = message.get("type") == null ? "" : message.get("type").getStringValue();
            if (type.equals("error")) {
                errors.add(message.get("message").getStringValue() + " [" + message.get("extract") + "]");
            }
        }
        assertThat(report).contains("\"messages\"");
        assertThat(errors).as("of %d messages", messages).isEmpty();
    }

    @Test
    void atomEntryCarriesTheSameContentWithFootnotesAtTheEnd() throws Exception {
        String atom = new Http(server.getURI()).get("/atom.xml", "Accept", "application/atom+xml").body();
        Feed feed = (Feed) new WireFeedInput().build(new InputSource(new StringReader(atom)));
        Entry entry = feed.getEntries().get(0);
        Document content = Jsoup.parseBodyFragment(entry.getContents().get(0).getValue());
        assertThat(content.select("figure.diagram svg text")).isNotEmpty();
        assertThat(content.select("math[display=block]")).hasSize(2);
        assertThat(content.select("div.callout p.callout-title")).hasSize(5);
        assertThat(content.select("figure.figure figcaption")).hasSize(2);
        assertThat(content.select(".sidenote")).isEmpty();
        assertThat(content.select(".footnotes li")).hasSize(2);
        assertThat(content.selectFirst("figure.figure img").attr("src")).isEqualTo("https://essays.example.com/static/img/queue-depth.png");
    }
}
