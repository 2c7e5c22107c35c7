package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.render.Figures;
import dev.essayist.content.render.ImageFiles;
import dev.essayist.content.render.ImageVariants;
import dev.essayist.post.Heading;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BodyFinisherTest {

    private final BodyFinisher finisher = new BodyFinisher(new Figures(ImageFiles.none(), ImageVariants.none()));

    private RenderedMarkdown finish(String html, boolean hasCode) {
        return finisher.finish(Jsoup.parseBodyFragment(html), null, List.of(), hasCode, List.of());
    }

    @Test
    void readsSecondAndThirdLevelHeadingsWithTheirIds() {
        RenderedMarkdown body = finish("<h1 id=\"t\">Title</h1><h2 id=\"why\">Why</h2><h3 id=\"how\">How</h3>"
                + "<h4 id=\"deep\">Deep</h4><h2>No id</h2>", false);

        assertThat(body.headings()).containsExactly(new Heading(2, "why", "Why"), new Heading(3, "how", "How"));
        assertThat(body.anchors()).containsExactlyInAnyOrder("t", "why", "how", "deep");
    }

    @Test
    void makesTablesAndCodeBlocksKeyboardScrollable() {
        Document doc = Jsoup.parseBodyFragment(finish("<table><tr><td>1</td></tr></table><pre><code>x</code></pre>", true).html());

        assertThat(doc.select("body > div.table-wrap[tabindex=0][role=region][aria-label=Table] > table")).hasSize(1);
        assertThat(doc.selectFirst("pre").attr("tabindex")).isEqualTo("0");
    }

    @Test
    void takesTheExcerptFromTheFirstTopLevelParagraphAndCountsEveryWord() {
        RenderedMarkdown body = finish("<blockquote><p>Quoted first.</p></blockquote><p>The <em>real</em> start, "
                + "see <a href=\"/posts/b\">b</a> and <a href=\"/posts/b\">b again</a>.</p><p>Two more.</p>", false);

        assertThat(body.excerpt()).isEqualTo("The real start, see b and b again.");
        assertThat(body.links()).containsExactly("/posts/b");
        assertThat(body.words()).isEqualTo(12);
    }

    @Test
    void keepsWhatTheCallerKnowsFromTheSyntaxTree() {
        RenderedMarkdown body = finish("<p>plain</p>", true);

        assertThat(body.hasCode()).isTrue();
        assertThat(body.references()).isEmpty();
        assertThat(body.problems()).isEmpty();
        assertThat(body.text()).isEqualTo("plain");
    }
}
