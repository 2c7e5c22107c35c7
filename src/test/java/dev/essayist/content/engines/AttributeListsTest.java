package dev.essayist.content.engines;

import static dev.essayist.content.engines.JekyllSyntaxTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.RenderedMarkdown;
import dev.essayist.post.Heading;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Heading ids and attribute lists, as kramdown's syntax documentation and Hugo's markup settings write them. */
class AttributeListsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void aHeadingsAttributeListSetsItsId() {
        RenderedMarkdown rendered = renderer.render("## Hello {#custom-id}\n\n### Second ## {#second .red}\n\n"
                + "Setext {#set}\n------\n\n## Attributes {.note id=\"by-key\"}\n\n## Only a class {.x}\n");
        Element body = body(rendered);
        assertThat(body.select("h2, h3").eachAttr("id")).containsExactly("custom-id", "second", "set", "by-key", "only-a-class");
        assertThat(rendered.headings()).extracting(Heading::text)
                .containsExactly("Hello", "Second", "Setext", "Attributes", "Only a class");
        assertThat(body.selectFirst("h2 a.anchor").attr("href")).isEqualTo("#custom-id");
        assertThat(rendered.anchors()).contains("custom-id", "second");
    }

    @Test
    void aKramdownAttributeListAfterAHeadingSetsItsId() {
        Element body = body(renderer.render("## Raw Liquid\n{: #raw-liquid}\n\nText.\n"));
        assertThat(body.selectFirst("h2").id()).isEqualTo("raw-liquid");
        assertThat(body.select("p").eachText()).containsExactly("Text.");
    }

    @Test
    void kramdownBlockAndSpanAttributeListsAreTakenOut() {
        Element body = body(renderer.render("A simple paragraph with an ID attribute.\n{: #para-one}\n\n"
                + "> A blockquote with a title\n{:title=\"The blockquote title\"}\n{: #myid}\n\n"
                + "This *is*{:.underline} some `code`{:#id}{:.class}.\n"
                + "A [link](test.html){:rel='something'} and some **tools**{:.tools}.\n\n{:refdef: .c1 #id .c2 title=\"title\"}\n"));
        assertThat(body.text()).doesNotContain("{", "}");
        assertThat(body.select("p").eachText()).containsExactly("A simple paragraph with an ID attribute.",
                "A blockquote with a title", "This is some code. A link and some tools.");
        assertThat(body.selectFirst("a").attr("href")).isEqualTo("test.html");
    }

    @Test
    void kramdownsTableOfContentsListCommentsAndOptionsAreTakenOut() {
        Element body = body(renderer.render("* TOC\n{:toc}\n\n{::comment}\nThis text is completely ignored.\n{:/comment}\n\n"
                + "{::options auto_ids=\"false\" /}\n\n- a real list\n"));
        assertThat(body.select("li").eachText()).containsExactly("a real list");
        assertThat(body.text()).isEqualTo("a real list");
    }

    @Test
    void hugoBlockAttributesOnTheirOwnLineAreTakenOut() {
        Element body = body(renderer.render("> Text\n{.red}\n\nPara\n{.note}\n"));
        assertThat(body.text()).isEqualTo("Text Para");
    }

    @Test
    void bracesThatAreNotAttributeListsStayText() {
        String prose = "A set {x, y}, a map {a=1 b}, {word} and {#notanid at the end, {.x} inside, and {:3} in Python.";
        Element body = body(renderer.render(prose + "\n\n## Title {not attributes}\n"));
        assertThat(body.selectFirst("p").text()).isEqualTo(prose);
        assertThat(body.selectFirst("h2").text()).isEqualTo("#Title {not attributes}");
    }
}
