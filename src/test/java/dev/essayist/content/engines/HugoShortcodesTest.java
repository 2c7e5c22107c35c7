package dev.essayist.content.engines;

import static dev.essayist.content.engines.JekyllSyntaxTest.body;
import static dev.essayist.content.engines.JekyllSyntaxTest.fixture;
import static dev.essayist.content.engines.JekyllSyntaxTest.prose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.RenderedMarkdown;
import dev.essayist.content.render.BlockProblem;
import java.io.IOException;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Hugo's shortcodes, as its documentation writes them ({@code engines/hugo-body.md}). */
class HugoShortcodesTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void theDocumentedPostShowsNoShortcodeAsText() throws IOException {
        RenderedMarkdown rendered = renderer.render(fixture("hugo-body.md"));
        Element body = body(rendered);
        String shown = "To show a shortcode, write {{< figure src=\"/a.png\" >}}, or in code:";
        assertThat(prose(body)).contains(shown);
        assertThat(prose(body).replace(shown, "")).doesNotContain("{{", "}}", "{%", "%}");
        assertThat(body.select("iframe, script")).isEmpty();
        assertThat(rendered.problems()).extracting(BlockProblem::line).containsExactly(50);
        assertThat(rendered.problems().get(0).message()).startsWith("{{< param >}} is a Hugo shortcode this site does not run");
    }

    @Test
    void highlightBecomesACodeBlockWithItsLanguageAndTabsIntact() {
        Element code = body(renderer.render("{{< highlight go \"linenos=table,hl_lines=8 15-17\" >}}\nfunc main() {\n"
                + "\tfmt.Println(\"{{< not a shortcode >}}\")\n}\n{{< /highlight >}}\n")).selectFirst("pre > code");
        assertThat(code.className()).isEqualTo("language-go");
        assertThat(code.wholeText()).isEqualTo("func main() {\n\tfmt.Println(\"{{< not a shortcode >}}\")\n}\n");
    }

    @Test
    void figureSpreadOverLinesBecomesAFigureWithItsLinkAndCaption() throws IOException {
        RenderedMarkdown rendered = renderer.render(fixture("hugo-body.md"));
        Element figure = body(rendered).selectFirst("figure.figure");
        assertThat(figure.classNames()).contains("ma0", "w-75");
        Element img = figure.selectFirst("a[href=https://www.nps.gov/zion/index.htm] > img");
        assertThat(img.attr("src")).isEqualTo("/images/examples/zion-national-park.jpg");
        assertThat(img.attr("alt")).isEqualTo("A photograph of Zion National Park");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Zion National Park");
        assertThat(rendered.references()).extracting(r -> r.url() + "@" + r.line())
                .contains("/images/examples/zion-national-park.jpg@17", "https://www.nps.gov/zion/index.htm@17");
        assertThat(body(rendered).selectFirst("figure + div.embed")).as("the lines after the shortcode are read as usual").isNotNull();
    }

    @Test
    void figureCaptionIsMarkdownAndTitleAndAttributionShow() {
        Element figure = body(renderer.render("Text before\n{{< figure src=\"/a.png\" title=\"Fig. 1\" caption=\"A *small* chart\""
                + " attr=\"Someone\" attrlink=\"https://example.com/\" >}}\n")).selectFirst("figure");
        assertThat(figure.selectFirst("figcaption strong").text()).isEqualTo("Fig. 1");
        assertThat(figure.selectFirst("figcaption em").text()).isEqualTo("small");
        assertThat(figure.selectFirst("figcaption a[href=https://example.com/]").text()).isEqualTo("Someone");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("A small chart");
        assertThat(figure.previousElementSibling().text()).isEqualTo("Text before");
    }

    @Test
    void refAndRelrefResolveWithTheirAnchors() {
        Element body = body(renderer.render("[a]({{< ref \"posts/my-post.md\" >}}) [b]({{% relref \"my-post#part-2\" %}})"
                + " [c]({{< ref path=\"/posts/bundle/\" >}}) [d]({{< relref \"#local\" >}}) [e]({{< ref \"2024-01-02-dated.md\" >}})\n"));
        assertThat(body.select("a").eachAttr("href"))
                .containsExactly("/posts/my-post", "/posts/my-post#part-2", "/posts/bundle", "#local", "/posts/dated");
    }

    @Test
    void videosAreLinksWithoutAnyFrameOrThirdPartyRequest() {
        Element body = body(renderer.render("{{< youtube w7Ft2ymGmfc >}}\n\n{{< youtube id=\"w7Ft2ymGmfc\" title=\"A talk\" >}}\n\n"
                + "{{< vimeo id=\"146022717\" >}}\n\nInline {{< youtube https://youtu.be/w7Ft2ymGmfc >}} too.\n"));
        assertThat(body.select("iframe, img, script, object, embed")).isEmpty();
        assertThat(body.select("div.embed > a.embed-link.embed-video")).extracting(a -> a.attr("href") + " " + a.text())
                .containsExactly("https://www.youtube.com/watch?v=w7Ft2ymGmfc Watch on YouTube",
                        "https://www.youtube.com/watch?v=w7Ft2ymGmfc A talk YouTube",
                        "https://vimeo.com/146022717 Watch on Vimeo");
        assertThat(body.selectFirst("p > a.embed-link").attr("href")).isEqualTo("https://www.youtube.com/watch?v=w7Ft2ymGmfc");
    }

    @Test
    void aVideoWithoutAUsableIdIsReportedNotShown() {
        RenderedMarkdown rendered = renderer.render("{{< youtube \"javascript:alert(1)\" >}}\n");
        assertThat(body(rendered).select("a")).isEmpty();
        assertThat(rendered.problems()).extracting(BlockProblem::message).singleElement().asString()
                .contains("names no youtube id");
    }

    @Test
    void calloutShortcodesBecomeCalloutsWithMarkdownInside() {
        Element body = body(renderer.render("{{% note %}}\nA **note**.\n{{% /note %}}\n\n"
                + "{{% alert title=\"Heads up\" color=\"warning\" %}}\n- one\n- two\n{{% /alert %}}\n\n"
                + "{{< admonition tip \"Try this\" >}}\nNested:\n\n{{< hint danger >}}\nInner.\n{{< /hint >}}\n{{< /admonition >}}\n"));
        assertThat(body.select("div.callout")).extracting(Element::className)
                .containsExactly("callout callout-note", "callout callout-warning", "callout callout-tip", "callout callout-caution");
        assertThat(body.select("div.callout > p.callout-title").eachText()).containsExactly("Note", "Heads up", "Try this", "Caution");
        assertThat(body.select("div.callout-warning li").eachText()).containsExactly("one", "two");
        assertThat(body.selectFirst("div.callout-tip div.callout-caution").text()).contains("Inner.");
        assertThat(body.select("div.callout-note strong").text()).isEqualTo("note");
    }

    @Test
    void anUnclosedCalloutIsReportedAndRunsToTheEnd() {
        RenderedMarkdown rendered = renderer.render("{{% warning %}}\nCareful.\n\nStill inside.\n");
        assertThat(body(rendered).select("div.callout-warning > p").eachText()).containsExactly("Warning", "Careful.", "Still inside.");
        assertThat(rendered.problems()).extracting(BlockProblem::line, BlockProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1,
                        "{{% warning %}} has no closing {{% /warning %}}; the callout runs to the end of the enclosing block"));
    }

    @Test
    void shortcodesInCodeStayAsWritten() {
        RenderedMarkdown rendered = renderer.render("Write `{{< figure src=\"a.png\" >}}`:\n\n```md\n{{< youtube x >}}\n{{% note %}}\n```\n");
        Element body = body(rendered);
        assertThat(body.select("code")).extracting(Element::wholeText)
                .containsExactly("{{< figure src=\"a.png\" >}}", "{{< youtube x >}}\n{{% note %}}\n");
        assertThat(body.select("figure, div.embed, div.callout")).isEmpty();
        assertThat(rendered.problems()).isEmpty();
    }

    @Test
    void aStrayClosingShortcodeIsReported() {
        RenderedMarkdown rendered = renderer.render("Text.\n\n{{< /note >}}\n");
        assertThat(prose(body(rendered))).isEqualTo("Text.");
        assertThat(rendered.problems()).extracting(BlockProblem::message).containsExactly("{{< /note >}} closes nothing open here; it is left out");
    }
}
