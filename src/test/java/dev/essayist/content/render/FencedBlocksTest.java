package dev.essayist.content.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.ContentProblem.Severity;
import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.RenderedMarkdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FencedBlocksTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private static Document html(RenderedMarkdown rendered) {
        return Jsoup.parseBodyFragment(rendered.html());
    }

    @Test
    void plantumlBlockBecomesAnInlineSvgDiagramWithItsTextAndCaption() {
        RenderedMarkdown rendered = renderer.render("""
                ```plantuml title="Two workers race"
                Worker1 -> Queue: SELECT … FOR UPDATE SKIP LOCKED
                Queue --> Worker1: job 7
                ```
                """);
        Element figure = html(rendered).selectFirst("figure.diagram");
        assertThat(figure).isNotNull();
        Element svg = figure.selectFirst("svg[role=img]");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("aria-label")).isEqualTo("Two workers race");
        assertThat(svg.select("text")).extracting(Element::text).contains("Worker1", "Queue", "job 7");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Two workers race");
        assertThat(svg.attr("width")).matches("[0-9.]+");
        assertThat(svg.attr("viewBox")).matches("0 0 [0-9.]+ [0-9.]+");
        assertThat(rendered.problems()).isEmpty();
    }

    @Test
    void diagramCarriesNoScriptLinkStyleOrIdAndThemeClasses() {
        Document doc = html(renderer.render("""
                ```plantuml
                @startuml
                Alice -> Bob: <script>alert(1)</script> [[https://evil.example/x]]
                note left: a note
                @enduml
                ```
                """));
        Element svg = doc.selectFirst("figure.diagram svg");
        assertThat(svg).isNotNull();
        assertThat(svg.select("script, style, foreignObject, foreignobject, a, image, use, defs")).isEmpty();
        assertThat(svg.select("[style], [href], [xlink:href], [id], [onload], [onclick]")).isEmpty();
        assertThat(svg.text()).contains("<script>alert(1)</script>");
        assertThat(svg.select(".d-text")).isNotEmpty();
        assertThat(svg.select(".d-line")).isNotEmpty();
        assertThat(svg.select(".d-note")).isNotEmpty();
        assertThat(svg.select("rect.d-bg")).isNotEmpty();
    }

    @Test
    void classStateActivityAndComponentDiagramsRenderToo() {
        for (String diagram : new String[] {"class Job\nclass Worker\nWorker --> Job : claims",
                "[*] --> Ready\nReady --> Running : claimed\nRunning --> [*]",
                "start\n:claim;\nif (locked?) then (yes)\n:skip;\nelse (no)\n:work;\nendif\nstop",
                "[API] --> [Queue] : enqueue"}) {
            RenderedMarkdown rendered = renderer.render("```plantuml\n" + diagram + "\n```\n");
            assertThat(rendered.problems()).as(diagram).isEmpty();
            assertThat(html(rendered).select("figure.diagram svg text")).as(diagram).isNotEmpty();
        }
    }

    @Test
    void diagramErrorIsShownAsSourceAndReportedAtItsLine() {
        RenderedMarkdown rendered = renderer.render("Intro.\n\n```plantuml\nAlice -> Bob: hi\nthis is ( not plantuml\n```\n");
        Element error = html(rendered).selectFirst("div.render-error[role=note]");
        assertThat(error).isNotNull();
        assertThat(error.selectFirst("pre code").text()).contains("this is ( not plantuml");
        assertThat(rendered.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("diagram error:");
        });
    }

    @Test
    void includeOfALocalFileIsRefused() {
        RenderedMarkdown rendered = renderer.render("```plantuml\n!include /etc/passwd\nAlice -> Bob: hi\n```\n");
        assertThat(html(rendered).text()).doesNotContain("root:");
        assertThat(rendered.problems()).extracting(p -> p.severity()).containsOnly(Severity.ERROR);
    }

    @Test
    void mermaidStaysCodeWithAWarningSayingWhy() {
        RenderedMarkdown rendered = renderer.render("```mermaid\ngraph TD\n  A --> B\n```\n");
        assertThat(html(rendered).selectFirst("pre code.language-mermaid").text()).contains("A --> B");
        assertThat(rendered.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("JavaScript");
        });
    }

    @Test
    void mathFenceBecomesDisplayMathml() {
        Element math = html(renderer.render("```math\nE = mc^2\n```\n")).selectFirst("math[display=block]");
        assertThat(math).isNotNull();
        assertThat(math.select("mi")).extracting(Element::text).contains("E", "m", "c");
        assertThat(math.select("semantics, annotation")).isEmpty();
        assertThat(math.text()).isEqualTo("E=mc2");
    }

    @Test
    void otherFencesStayCode() {
        Element code = html(renderer.render("```sql\nSELECT 1;\n```\n")).selectFirst("pre code.language-sql");
        assertThat(code.text()).isEqualTo("SELECT 1;");
    }
}
