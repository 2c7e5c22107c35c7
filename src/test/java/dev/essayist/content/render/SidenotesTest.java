package dev.essayist.content.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.RenderedMarkdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SidenotesTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void firstReferenceGetsAMarginCopyHiddenFromAssistiveTechnology() {
        RenderedMarkdown rendered = renderer.render("A claim.[^src] Again.[^src]\n\n[^src]: See [the docs](https://example.com/d).\n");
        Document doc = Jsoup.parseBodyFragment(rendered.html());
        Element note = doc.selectFirst("p > sup + span.sidenote[aria-hidden=true]");
        assertThat(note).isNotNull();
        assertThat(doc.select("span.sidenote")).hasSize(1);
        assertThat(note.selectFirst(".sidenote-number").text()).isEqualTo("1");
        assertThat(note.selectFirst("a").attr("tabindex")).isEqualTo("-1");
        assertThat(note.select("[id], a.footnote-backref")).isEmpty();
        assertThat(note.text()).contains("See the docs");
        assertThat(doc.selectFirst(".footnotes li").text()).contains("See the docs");
        assertThat(rendered.text()).containsOnlyOnce("See the docs");
    }

    @Test
    void noteWithAListStaysOnlyAtTheEnd() {
        Document doc = Jsoup.parseBodyFragment(renderer.render("Claim.[^1]\n\n[^1]: Points:\n\n    - one\n    - two\n").html());
        assertThat(doc.select("span.sidenote")).isEmpty();
        assertThat(doc.select(".footnotes li ul li")).hasSize(2);
    }

    @Test
    void removeLeavesTheEndNotesOnly() {
        Document doc = Jsoup.parseBodyFragment(renderer.render("Claim.[^1]\n\n[^1]: Note.\n").html());
        Sidenotes.remove(doc.body());
        assertThat(doc.select(".sidenote")).isEmpty();
        assertThat(doc.select(".footnotes li")).hasSize(1);
    }
}
