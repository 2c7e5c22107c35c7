package dev.essayist.content.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlertsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html());
    }

    @ParameterizedTest
    @CsvSource({"NOTE,note,Note", "TIP,tip,Tip", "IMPORTANT,important,Important", "WARNING,warning,Warning",
            "CAUTION,caution,Caution", "warning,warning,Warning"})
    void alertBecomesACalloutWithAVisibleLabel(String marker, String kind, String label) {
        Document doc = html("> [!" + marker + "]\n> A pooled connection keeps **session** settings.\n>\n> Second.\n");
        Element callout = doc.selectFirst("div.callout.callout-" + kind + "[role=note]");
        assertThat(callout).isNotNull();
        assertThat(callout.selectFirst("p.callout-title").text()).isEqualTo(label);
        assertThat(callout.select("p")).extracting(Element::text)
                .containsExactly(label, "A pooled connection keeps session settings.", "Second.");
        assertThat(callout.selectFirst("strong")).isNotNull();
        assertThat(doc.select("blockquote")).isEmpty();
        assertThat(doc.text()).doesNotContain("[!");
    }

    @Test
    void unknownMarkerAndPlainQuotesStayBlockQuotes() {
        Document doc = html("> [!DANGER]\n> text\n\n> Just a quote.\n\n> [!NOTE] and more on the line\n");
        assertThat(doc.select("blockquote")).hasSize(3);
        assertThat(doc.select(".callout")).isEmpty();
    }
}
