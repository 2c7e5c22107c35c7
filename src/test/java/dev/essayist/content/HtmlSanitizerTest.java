package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.XssCorpus;
import dev.essayist.content.RenderedMarkdown;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HtmlSanitizerTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Element render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html()).body();
    }

    @TestFactory
    Stream<DynamicTest> everyAttackIsDisarmed() {
        return XssCorpus.ATTACKS.entrySet().stream().map(attack -> DynamicTest.dynamicTest(attack.getKey(),
                () -> XssCorpus.assertHarmless(render(attack.getValue()), attack.getKey())));
    }

    @Test
    void ordinaryMarkdownAndHtmlSurvive() {
        Element body = render(XssCorpus.ORDINARY);
        XssCorpus.assertOrdinaryContent(body, "", "ordinary content");
        assertThat(body.select("div.table-wrap[tabindex=0][role=region][aria-label=Table] > table")).hasSize(1);
        assertThat(body.select("pre[tabindex=0]")).hasSize(1);
    }

    @Test
    void wholeCorpusInOneEssayKeepsTheOrdinaryContent() {
        Element body = render(XssCorpus.essayBody());
        XssCorpus.assertHarmless(body, "the whole corpus");
        XssCorpus.assertOrdinaryContent(body, "", "the whole corpus");
    }

    @Test
    void linksLosingTheirUrlKeepTheirText() {
        Element body = render("[click me](javascript:alert(1)) and <a href=\"vbscript:x\">this</a>");
        assertThat(body.select("a")).isEmpty();
        assertThat(body.text()).isEqualTo("click me and this");
    }

    @Test
    void scriptAndStyleTextIsDroppedWithTheElement() {
        Element body = render("before <script>alert('gone')</script><style>p { color: red }</style> after");
        assertThat(body.text()).isEqualTo("before after");
    }

    @Test
    void keepsOnlyTheSafeCandidatesOfASrcset() {
        Element img = render("<img src=\"/a.png\" srcset=\"/a.png 1x, /b.png 2x\" width=\"640\" height=\"480\" alt=\"a\">")
                .selectFirst("img");
        assertThat(img.attr("srcset").replaceAll("\\s+", " ")).isEqualTo("/a.png 1x , /b.png 2x");
        assertThat(img.attr("width")).isEqualTo("640");
        Element evil = render("<img src=\"/a.png\" srcset=\"/a.png 1x, javascript:alert(1) 2x\">").selectFirst("img");
        assertThat(evil.attr("srcset")).doesNotContain("javascript");
    }

    @Test
    void taskListBoxesStayDisabledCheckboxes() {
        Element body = render("- [x] done\n\n<input type=\"checkbox\" checked> <input type=\"radio\">");
        assertThat(body.select("input")).hasSize(2).allMatch(i -> i.attr("type").equals("checkbox") && i.hasAttr("disabled"));
    }

    @Test
    void keepsAuthorIdsButClassesOnlyWhereMarkdownPutsThem() {
        Element body = render("<p class=\"x\" id=\"p1\">para</p> <span class=\"hl\" id=\"s1\">span</span>"
                + " <img id=\"i1\" src=\"/a.png\" alt=\"\">");
        assertThat(body.selectFirst("p").className()).isEmpty();
        assertThat(body.selectFirst("p").id()).isEqualTo("p1");
        assertThat(body.selectFirst("span").className()).isEqualTo("hl");
        assertThat(body.selectFirst("span").id()).isEqualTo("s1");
        assertThat(body.selectFirst("img").id()).isEmpty();
    }

    @Test
    void buildsTheDocumentThatParsingItsTextGives() {
        String html = "<h2 id=\"a-b\">T &amp; &lt;x&gt;</h2>\n<p>A <a href=\"https://e.com/?a=1&amp;b=2\" title=\"q&quot;\">link</a>,"
                + " <a href=\"javascript:alert(1)\">bad</a><br />\n<img src=\"/x.png\" alt=\"\" onerror=\"alert(1)\" />"
                + " 'quoted' @ + = \u00e9</p>\n<table>\n<thead>\n<tr><th align=\"left\">h</th></tr>\n</thead>\n<tbody>\n"
                + "<tr><td>d</td></tr>\n</tbody>\n</table>\n<ul>\n<li><input type=\"checkbox\" disabled=\"disabled\" />done</li>\n"
                + "</ul>\n<pre data-title=\"q.sql\"><code class=\"language-sql\">SELECT 1 &lt; 2;\n</code></pre>\n";
        Document direct = HtmlSanitizer.sanitizeToDocument(html).orElseThrow();
        Document parsed = Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(html));
        assertThat(direct.body().html()).isEqualTo(parsed.body().html());
        assertThat(direct.body().text()).isEqualTo(parsed.body().text());
        assertThat(direct.select("a[href^=javascript], [onerror]")).isEmpty();
        assertThat(direct.select("a").text()).isEqualTo("link");
    }

    @Test
    void buildsWhatParsingGivesForNestedLinksAndControlCharacters() {
        for (String html : new String[] {"<p><a href=\"/a\">x <a href=\"/b\">y</a></a></p>", "<p>a\u0001b\u0000c</p>"}) {
            Document direct = HtmlSanitizer.sanitizeToDocument(html).orElseThrow();
            assertThat(direct.body().html()).isEqualTo(Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(html)).body().html());
        }
    }

    @Test
    void leavesToTheTextPathWhatTheRendererWouldRewrite() {
        assertThat(HtmlSanitizer.sanitizeToDocument("<p>{{ name }}</p>")).isEmpty();
        assertThat(HtmlSanitizer.sanitizeToDocument("<p>a\rb</p>")).isEmpty();
        assertThat(HtmlSanitizer.sanitizeToDocument("<p>emoji \uD83D\uDE00</p>")).isEmpty();
        assertThat(HtmlSanitizer.sanitizeToDocument("<p><a href=\"/a\" title=\"`x\">x</a></p>")).isEmpty();
    }

    @Test
    void authoredSvgAndMathmlKeepOnlyShapesTextAndLayout() {
        Element body = render("<svg viewBox=\"0 0 10 10\" onload=\"alert(1)\" style=\"background:url(//x.example/a)\">"
                + "<script>alert(2)</script><foreignObject>html</foreignObject>"
                + "<a href=\"https://x.example\"><text x=\"1\" y=\"2\" fill=\"url(#g)\">label</text></a>"
                + "<image href=\"https://x.example/t.png\"></image><use href=\"#a\"></use>"
                + "<rect x=\"1\" y=\"1\" width=\"5\" height=\"5\" fill=\"#fff\" stroke=\"currentColor\"></rect></svg>\n\n"
                + "<math display=\"block\" href=\"javascript:alert(3)\"><mi onclick=\"alert(4)\">x</mi></math>\n");
        Element svg = body.selectFirst("svg");
        assertThat(svg).isNotNull();
        assertThat(body.select("script, foreignobject, foreignObject, image, use")).isEmpty();
        assertThat(body.select("[onload], [onclick], [style], [xlink:href], math [href]")).isEmpty();
        // A link in an author's SVG is a link like any other (http, https, mailto); it fetches nothing.
        assertThat(body.select("svg a[href]")).extracting(a -> a.attr("href")).containsExactly("https://x.example");
        assertThat(body.text()).doesNotContain("alert(2)");
        assertThat(svg.selectFirst("text").hasAttr("fill")).isFalse();
        assertThat(svg.selectFirst("rect").attr("stroke")).isEqualTo("currentColor");
        assertThat(body.selectFirst("math[display=block] mi").text()).isEqualTo("x");
    }

    @Test
    void videoAndAudioKeepHttpOrRelativeSourcesAndAlwaysShowControls() {
        Element body = render("<video src=\"https://media.example/a.mp4\" poster=\"/p.png\" autoplay width=\"640\" onplay=\"x()\">"
                + "<source src=\"/a.webm\" type=\"video/webm\"><source src=\"javascript:alert(1)\" type=\"video/mp4\">"
                + "<track src=\"/a.vtt\" kind=\"captions\" srclang=\"en\" label=\"English\" default></video>\n\n"
                + "<audio src=\"data:audio/wav;base64,AAAA\" preload=\"none\"><source src=\"mailto:x@example.com\"></audio>\n");
        Element video = body.selectFirst("video");
        assertThat(video.attr("src")).isEqualTo("https://media.example/a.mp4");
        assertThat(video.attr("poster")).isEqualTo("/p.png");
        assertThat(video.attr("width")).isEqualTo("640");
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.hasAttr("autoplay") || video.hasAttr("onplay")).isFalse();
        assertThat(video.select("source[src]")).extracting(s -> s.attr("src") + " " + s.attr("type")).containsExactly("/a.webm video/webm");
        Element track = video.selectFirst("track");
        assertThat(List.of(track.attr("src"), track.attr("kind"), track.attr("srclang"), track.attr("label")))
                .containsExactly("/a.vtt", "captions", "en", "English");
        Element audio = body.selectFirst("audio");
        assertThat(audio.hasAttr("controls")).isTrue();
        assertThat(audio.attr("preload")).isEqualTo("none");
        assertThat(audio.select("[src]")).isEmpty();
    }

    @Test
    void canvasScriptsAndNamesStayOut() {
        Element body = render("<canvas id=\"c\" width=\"10\">fallback</canvas> <img name=\"cookie\" src=\"/x.png\" alt=\"\">"
                + " <form name=\"forms\"><input name=\"q\"></form><script>alert(1)</script>\n");
        assertThat(body.select("canvas, script, form, [name]")).isEmpty();
        assertThat(body.text()).doesNotContain("alert");
    }

    @Test
    void authorIdsSurviveAndThoseAScriptTestsForArePrefixed() {
        RenderedMarkdown rendered = renderer.render("Claim.<sup><a href=\"#f1\">1</a></sup> See [below](#EventSource).\n\n"
                + "<a id=\"f1\"></a>1. Source. <a id=\"location\"></a><span id=\"EventSource\">x</span>"
                + " <div id=\"addEventListener\">y</div>\n\n## hljs\n\n<h2 id=\"x\">Raw heading</h2>\n");
        Element body = Jsoup.parseBodyFragment(rendered.html()).body();
        assertThat(body.select("[id]").eachAttr("id")).containsExactly("f1", "location", "user-content-EventSource",
                "addEventListener", "user-content-hljs", "x");
        assertThat(body.select("a[href]").eachAttr("href"))
                .containsExactly("#f1", "#user-content-EventSource", "#user-content-hljs");
        assertThat(rendered.headings()).extracting(dev.essayist.post.Heading::id).containsExactly("user-content-hljs", "x");
        assertThat(rendered.anchors()).contains("f1", "location", "x");
    }
}
