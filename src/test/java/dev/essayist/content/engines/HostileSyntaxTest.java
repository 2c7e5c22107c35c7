package dev.essayist.content.engines;

import static dev.essayist.content.engines.JekyllSyntaxTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.RenderedMarkdown;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Bodies made to break the tag readers render, with a bounded list of problems (design.md invariant 9). */
class HostileSyntaxTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void calloutsNestOnlySoDeep() {
        RenderedMarkdown rendered = renderer.render("{{% note %}}\n".repeat(1_000) + "deep\n");
        Element innermost = body(rendered).select("div.callout").last();
        assertThat(innermost.parents().stream().filter(e -> e.hasClass("callout")).count())
                .isBetween(2L, (long) TagLines.MAX_DEPTH);
        assertThat(rendered.problems()).hasSize(Problems.MAX_REPORTED);
        assertThat(rendered.problems().get(Problems.MAX_REPORTED - 1).message()).contains("only the first 100 are listed");
    }

    @Test
    void overlongNamesExpressionsAndFiltersAreText() {
        String[] bodies = {"{{< " + "y".repeat(5_000) + " >}}", "{{ site" + ".a".repeat(1_000) + " }}",
                "{{ 'a' " + "| relative_url ".repeat(1_000) + "}}", "{{< a/" + "b/".repeat(2_000) + "c >}}", "{", "{%", "{{<", "{:", "{::"};
        for (String hostile : bodies) {
            RenderedMarkdown rendered = renderer.render("Before " + hostile);
            assertThat(body(rendered).text()).as(hostile.substring(0, Math.min(20, hostile.length()))).startsWith("Before");
        }
    }

    @Test
    void thousandsOfStrayTagsAreListedOnlyOnce() {
        RenderedMarkdown rendered = renderer.render("{% raw %}\n".repeat(1_000) + "<div>{% x %}</div>\n".repeat(1_000)
                + "{{< unknown >}}\n".repeat(1_000));
        assertThat(rendered.problems()).hasSizeLessThanOrEqualTo(2 * Problems.MAX_REPORTED);
        assertThat(JekyllSyntaxTest.prose(body(rendered))).doesNotContain("{%", "{{<");
    }
}
