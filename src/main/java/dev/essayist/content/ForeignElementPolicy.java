package dev.essayist.content;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The SVG and MathML (HTML's "foreign elements", HTML §13.1.2) that {@link HtmlSanitizer} keeps:
 * exactly what the diagrams ({@code content.render.DiagramSvg}) and the math
 * ({@code content.render.Tex}, KaTeX's MathML) of a body are made of.
 *
 * <p>SVG: shapes and text with geometry, paint and text attributes whose values are numbers,
 * plain colours or short keyword lists. Nothing can run or fetch: no {@code script},
 * {@code style}, {@code foreignObject}, {@code use}, {@code image}, {@code a}, no {@code href},
 * no event handler, and no value holding {@code (} except a transform's own functions (so no
 * {@code url()}). MathML: the presentation elements of MathML Core with their layout attributes
 * (no {@code semantics} or {@code annotation}: nothing that holds text which is not shown).
 */
final class ForeignElementPolicy {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,7}(\\.[0-9]{1,6})?(px|%)?");
    private static final Pattern NUMBERS = Pattern.compile("[0-9eE.,\\- ]{1,20000}");
    private static final Pattern PATH = Pattern.compile("[MmLlHhVvCcSsQqTtAaZz0-9eE.,\\- ]{1,200000}");
    private static final Pattern TRANSFORM = Pattern.compile(
            "((translate|scale|rotate|matrix|skewX|skewY)\\([0-9eE.,\\- ]{1,200}\\)\\s*){1,8}");
    private static final Pattern PAINT = Pattern.compile("#[0-9A-Fa-f]{3,8}|none|currentColor|transparent|[a-z]{3,20}");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9 ,\\-\"'.#%]{1,100}");
    private static final Pattern CLASSES = Pattern.compile("[A-Za-z0-9_\\- ]{1,256}");

    private static final String[] SVG = {"svg", "g", "rect", "line", "polyline", "polygon", "path", "ellipse",
            "circle", "text", "tspan"};

    private static final String[] MATHML = {"math", "mrow", "mi", "mo", "mn", "ms",
            "mtext", "mspace", "msub", "msup", "msubsup", "munder", "mover", "munderover", "mfrac", "msqrt",
            "mroot", "mstyle", "mpadded", "mphantom", "merror", "mtable", "mtr", "mtd", "mmultiscripts",
            "mprescripts", "none", "menclose"};

    /** The policy, to be joined with the HTML one ({@code PolicyFactory.and}). */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(SVG)
            .allowAttributes("viewBox").matching(NUMBERS).onElements("svg")
            .allowAttributes("role").matching(Pattern.compile("img")).onElements("svg")
            .allowAttributes("aria-label").onElements("svg")
            .allowAttributes("class").matching(CLASSES).onElements(SVG)
            .allowAttributes("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
                    "stroke-width", "stroke-miterlimit", "opacity", "fill-opacity", "stroke-opacity", "font-size")
                    .matching(NUMBER).onElements(SVG)
            .allowAttributes("textLength").matching(NUMBER).onElements("text", "tspan")
            .allowAttributes("lengthAdjust").matching(Pattern.compile("spacing|spacingAndGlyphs"))
                    .onElements("text", "tspan")
            .allowAttributes("points", "stroke-dasharray").matching(NUMBERS).onElements(SVG)
            .allowAttributes("d").matching(PATH).onElements("path")
            .allowAttributes("transform").matching(TRANSFORM).onElements(SVG)
            .allowAttributes("fill", "stroke").matching(PAINT).onElements(SVG)
            .allowAttributes("stroke-linecap", "stroke-linejoin", "font-family", "font-weight", "font-style",
                    "text-decoration", "text-anchor", "dominant-baseline").matching(WORDS)
                    .onElements(SVG)
            .allowElements(MATHML)
            .allowAttributes("display").matching(Pattern.compile("block|inline")).onElements("math")
            .allowAttributes("mathvariant", "stretchy", "fence", "separator", "lspace", "rspace", "accent",
                    "accentunder", "linethickness", "columnalign", "rowalign", "columnspacing", "rowspacing",
                    "columnlines", "rowlines", "frame", "framespacing", "width", "height", "depth", "voffset",
                    "scriptlevel", "displaystyle", "movablelimits", "largeop", "symmetric", "minsize", "maxsize",
                    "form", "notation", "mathcolor", "mathbackground", "columnspan", "rowspan", "class")
                    .matching(WORDS).onElements(MATHML)
            .toFactory();

    private ForeignElementPolicy() {
    }
}
