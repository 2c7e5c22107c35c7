package dev.essayist.content.engines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.ContentProblem.Severity;
import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.RenderedMarkdown;
import dev.essayist.content.render.BlockProblem;
import dev.essayist.content.render.ImageFiles;
import dev.essayist.content.render.ImageVariants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Jekyll's Liquid tags and kramdown's syntax, as their documentation writes them ({@code engines/jekyll-body.md}). */
class JekyllSyntaxTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    static String fixture(String name) throws IOException {
        try (InputStream in = JekyllSyntaxTest.class.getResourceAsStream("/engines/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Element body(RenderedMarkdown rendered) {
        return Jsoup.parseBodyFragment(rendered.html()).body();
    }

    /** @return the text a reader sees outside code */
    static String prose(Element body) {
        Element copy = body.clone();
        copy.select("pre, code").remove();
        return copy.text();
    }

    @Test
    void theDocumentedPostShowsNoLiquidAsText() throws IOException {
        RenderedMarkdown rendered = renderer.render(fixture("jekyll-body.md"));
        String prose = prose(body(rendered));
        assertThat(prose).doesNotContain("{%", "%}", "{:", "site.baseurl", "relative_url", "TOC");
        assertThat(prose).contains("In Handlebars, {{ this }} will be HTML-escaped, but {{{ that }}} will not.");
        assertThat(rendered.problems()).extracting(BlockProblem::line, BlockProblem::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(46, Severity.WARNING));
        assertThat(rendered.problems().get(0).message()).startsWith("{% include %} is a Liquid tag this site does not run");
    }

    @Test
    void highlightBecomesACodeBlockWithItsLanguageAndWhitespace() {
        Element body = body(renderer.render("{% highlight ruby linenos %}\ndef foo\n  puts 'foo'\n\n\tx = 1 # tab\nend\n{% endhighlight %}\n"));
        Element code = body.selectFirst("pre > code");
        assertThat(code.className()).isEqualTo("language-ruby");
        assertThat(code.wholeText()).isEqualTo("def foo\n  puts 'foo'\n\n\tx = 1 # tab\nend\n");
        assertThat(body.select("pre")).hasSize(1);
        assertThat(body.text()).doesNotContain("highlight", "linenos");
    }

    @Test
    void highlightKeepsMarkdownAndTagsInsideAsCode() {
        RenderedMarkdown rendered = renderer.render("Before\n{% highlight liquid %}\n\n# not a heading\n{{ page.title }} *x*\n\n"
                + "{% endhighlight %}\nAfter\n");
        Element body = body(rendered);
        assertThat(body.select("h1, em")).isEmpty();
        assertThat(body.selectFirst("code.language-liquid").wholeText()).isEqualTo("# not a heading\n{{ page.title }} *x*\n");
        assertThat(body.select("p").eachText()).containsExactly("Before", "After");
        assertThat(rendered.hasCode()).isTrue();
        assertThat(rendered.problems()).isEmpty();
    }

    @Test
    void highlightEndsAtAnEndhighlightAfterCodeOnItsLine() {
        Element code = body(renderer.render("{% highlight js %}\nlet a = 1;{% endhighlight %}\n\nText.\n")).selectFirst("pre > code");
        assertThat(code.wholeText()).isEqualTo("let a = 1;");
    }

    @Test
    void anUnclosedHighlightIsReportedAndShownAsCode() {
        RenderedMarkdown rendered = renderer.render("Text.\n\n{% highlight sql %}\nSELECT 1;\n");
        assertThat(body(rendered).selectFirst("code.language-sql").text()).isEqualTo("SELECT 1;");
        assertThat(rendered.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("{% endhighlight %}");
        });
    }

    @Test
    void rawKeepsTagsLiterallyAcrossParagraphsAndDropsItsMarkers() {
        RenderedMarkdown rendered = renderer.render("{% raw %}\nA {% include x.html %} and {{ site.baseurl }}.\n\n"
                + "*Still* raw: {% post_url 2010-07-21-x %}\n{% endraw %}\nAfter {% raw %}{{ x }}{% endraw %}.\n");
        Element body = body(rendered);
        assertThat(body.select("p").eachText()).containsExactly("A {% include x.html %} and {{ site.baseurl }}.",
                "Still raw: {% post_url 2010-07-21-x %}", "After {{ x }}.");
        assertThat(body.select("em").text()).isEqualTo("Still"); // Markdown still applies inside raw, as in Jekyll
        assertThat(rendered.problems()).isEmpty();
    }

    @Test
    void rawMarkersInCodeAreTakenOutWithTheirLines() {
        Element body = body(renderer.render("```liquid\n{% raw %}\n{% if user %}\n  Hello {{ user.name }}!\n{% endif %}\n"
                + "{% endraw %}\n```\n\nInline `{% raw %}{{ x }}{% endraw %}`.\n"));
        assertThat(body.selectFirst("pre code").wholeText()).isEqualTo("{% if user %}\n  Hello {{ user.name }}!\n{% endif %}\n");
        assertThat(body.selectFirst("p code").text()).isEqualTo("{{ x }}");
    }

    @Test
    void tagsInCodeStayAsWrittenAndAreNotReported() {
        RenderedMarkdown rendered = renderer.render("Use `{% post_url 2010-07-21-x %}` or `{% include a.html %}`.\n\n"
                + "    {% include indented.html %}\n\n```\n{% link _posts/a.md %}\n```\n");
        Element body = body(rendered);
        assertThat(body.select("code").eachText()).containsExactly("{% post_url 2010-07-21-x %}", "{% include a.html %}",
                "{% include indented.html %}", "{% link _posts/a.md %}");
        assertThat(rendered.problems()).isEmpty();
    }

    @Test
    void postUrlAndLinkResolveToTheEssaysUrlInLinksReferencesAndText() {
        RenderedMarkdown rendered = renderer.render("[a]({% post_url 2010-07-21-name-of-post %}#part) and [b][ref] and"
                + " {% link _posts/2016-07-26-other.md %}.\n\n[ref]: {% post_url /subdir/2010-07-21-deep %}\n");
        Element body = body(rendered);
        assertThat(body.select("a").eachAttr("href")).containsExactly("/posts/name-of-post#part", "/posts/deep");
        assertThat(body.text()).isEqualTo("a and b and /posts/other.");
        assertThat(rendered.references()).extracting(r -> r.url() + "@" + r.line())
                .containsExactly("/posts/name-of-post#part@1", "/posts/deep@1");
    }

    @Test
    void resolvesThroughTheGivenPostUrls() {
        MarkdownRenderer custom = new MarkdownRenderer(ImageFiles.none(), ImageVariants.none(), file -> "/blog/" + file);
        Element body = body(custom.render("[a]({% post_url 2010-07-21-x %})\n"));
        assertThat(body.selectFirst("a").attr("href")).isEqualTo("/blog/2010-07-21-x");
    }

    @Test
    void siteBaseurlAndUrlFiltersDisappearFromUrlsInMarkdownAndHtml() {
        Element body = body(renderer.render("![A]({{ site.baseurl }}/a.png) ![B]({{site.url}}{{site.baseurl}}/b.png)\n\n"
                + "<img src=\"{{ '/c.png' | relative_url }}\" alt=\"C\"> <a href=\"{{ site.baseurl }}/d\">d</a>\n"));
        assertThat(body.select("img").eachAttr("src")).containsExactly("/a.png", "/b.png", "/c.png");
        assertThat(body.selectFirst("a").attr("href")).isEqualTo("/d");
    }

    @Test
    void aTagThatCannotResolveIsReportedAtItsLine() {
        RenderedMarkdown rendered = renderer.render("One.\n\nTwo {{ page.title }} and [x]({% post_url %}).\n\n"
                + "<div>{% include note.html %}</div>\n");
        assertThat(prose(body(rendered))).doesNotContain("{{", "{%");
        assertThat(rendered.problems()).extracting(BlockProblem::line).containsExactly(3, 3, 5);
        assertThat(rendered.problems()).extracting(BlockProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("{{ page.title }}"),
                m -> assertThat(m).contains("{% post_url %} needs a file name"),
                m -> assertThat(m).contains("{% include %} inside HTML"));
    }

    @Test
    void otherDoubleBracesInProseAreText() {
        RenderedMarkdown rendered = renderer.render("In Go templates {{ .Title }} and Handlebars {{name}} stay.\n");
        assertThat(body(rendered).text()).isEqualTo("In Go templates {{ .Title }} and Handlebars {{name}} stay.");
        assertThat(rendered.problems()).isEmpty();
    }
}
