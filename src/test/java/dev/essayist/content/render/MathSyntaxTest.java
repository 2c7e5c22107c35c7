package dev.essayist.content.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.ContentProblem.Severity;
import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.RenderedMarkdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MathSyntaxTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html());
    }

    @Test
    void dollarsMakeInlineMathml() {
        Element p = html("The load is $\\lambda / \\mu$ per worker.\n").selectFirst("p");
        Element math = p.selectFirst("math");
        assertThat(math).isNotNull();
        assertThat(math.hasAttr("display")).isFalse();
        assertThat(math.select("mi")).extracting(Element::text).contains("λ", "μ");
        assertThat(p.text()).startsWith("The load is").endsWith("per worker.");
    }

    @Test
    void doubleDollarsMakeDisplayMathEvenAcrossLines() {
        Element math = html("$$\nP(\\text{lost}) = \\frac{1}{2}\n$$\n").selectFirst("math[display=block]");
        assertThat(math).isNotNull();
        assertThat(math.selectFirst("mfrac")).isNotNull();
    }

    @Test
    void pricesEscapedDollarsAndCodeSpansStayText() {
        Document doc = html("It costs $5 and $10. A \\$x$ is not math, nor is `$y$`.\n");
        assertThat(doc.select("math")).isEmpty();
        assertThat(doc.text()).contains("$5 and $10", "$x$", "$y$");
    }

    @Test
    void spaceInsideTheDelimitersIsNotMath() {
        assertThat(html("between $ x $ and y\n").select("math")).isEmpty();
    }

    @Test
    void texErrorIsShownAsSourceAndReportedAtItsLine() {
        RenderedMarkdown rendered = renderer.render("First.\n\nThen $\\frca{1}{2}$ here.\n");
        Element code = Jsoup.parseBodyFragment(rendered.html()).selectFirst("code.math-error");
        assertThat(code.text()).isEqualTo("$\\frca{1}{2}$");
        assertThat(rendered.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("\\frca").doesNotContain("\u0332");
        });
    }

    @Test
    void emptyElementsAreClosedSoLaterOnesAreNotNestedInThem() {
        Element math = html("$a \\qquad b$\n").selectFirst("math");
        assertThat(math.selectFirst("mspace").childrenSize()).isZero();
        assertThat(math.select("mi")).extracting(Element::text).containsExactly("a", "b");
    }
}
