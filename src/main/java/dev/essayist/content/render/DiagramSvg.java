package dev.essayist.content.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

/**
 * Turns the SVG PlantUML writes into the small, self-contained SVG a page embeds: shapes and text
 * only, every paint as a presentation attribute, and a class naming each colour's role so the
 * page's stylesheet can paint the diagram in the reader's theme.
 *
 * <p>Kept: {@code svg g rect line polyline polygon path ellipse circle text tspan} with their
 * geometry, paint and text attributes. Links ({@code a}) are unwrapped, keeping what they hold.
 * Dropped with everything inside: {@code defs}, {@code title}, {@code desc}, {@code image},
 * {@code style}, {@code script}, {@code foreignObject} and any other element; every {@code id},
 * {@code data-*}, event handler, {@code href} and any value holding {@code url(}. PlantUML's
 * {@code style} attributes become presentation attributes (SVG 1.1 §6.4), their other properties
 * dropped. The original colours stay as attributes, so a feed reader without the stylesheet shows
 * PlantUML's light diagram on its own white background ({@code rect.d-bg}).
 *
 * <p>Colour roles (classes): {@code d-text} dark text, {@code d-line} dark strokes, {@code d-ink}
 * dark fills (arrowheads), {@code d-box} light fills, {@code d-note} yellowish fills (notes),
 * {@code d-bg} white fills; {@code HtmlSanitizer} keeps exactly these elements and attributes.
 */
final class DiagramSvg {

    private static final Set<String> SHAPES = Set.of("g", "rect", "line", "polyline", "polygon", "path", "ellipse",
            "circle", "text", "tspan");
    private static final Set<String> ATTRIBUTES = Set.of("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
            "width", "height", "points", "d", "transform", "fill", "fill-opacity", "stroke", "stroke-width",
            "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "opacity",
            "font-family", "font-size", "font-weight", "font-style", "text-decoration", "textLength", "lengthAdjust",
            "text-anchor", "dominant-baseline");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Map<String, String> NAMED = Map.of("black", "#000000", "white", "#ffffff");

    private DiagramSvg() {
    }

    /**
     * @param svg   an SVG document as PlantUML writes it
     * @param label the accessible name of the diagram
     * @return the cleaned {@code <svg>} element as markup, or {@code null} when there is no {@code <svg>}
     */
    static String clean(String svg, String label) {
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        Element root = doc.selectFirst("svg");
        if (root == null) {
            return null;
        }
        Document shell = Document.createShell("");
        shell.outputSettings().prettyPrint(false);
        // SVG's names are case-sensitive (viewBox, textLength); the sanitiser matches them exactly.
        shell.parser(Parser.htmlParser().settings(ParseSettings.preserveCase));
        Element out = shell.body().appendElement("svg");
        String viewBox = root.attr("viewBox");
        if (viewBox.matches("[0-9. -]{1,64}")) {
            out.attr("viewBox", viewBox);
        }
        for (String size : new String[] {"width", "height"}) {
            String value = root.attr(size).replace("px", "");
            if (value.matches("[0-9]{1,5}(\\.[0-9]+)?")) {
                out.attr(size, value);
            }
        }
        out.attr("role", "img").attr("aria-label", label).addClass("diagram-svg");
        out.appendElement("rect").attr("class", "d-bg").attr("width", "100%").attr("height", "100%").attr("fill", "#ffffff");
        copyChildren(root, out);
        return out.outerHtml();
    }

    private static void copyChildren(Element from, Element to) {
        for (org.jsoup.nodes.Node child : from.childNodes()) {
            if (child instanceof org.jsoup.nodes.TextNode text) {
                if (to.nameIs("text") || to.nameIs("tspan")) {
                    to.appendText(text.getWholeText());
                }
            } else if (child instanceof Element element) {
                String name = element.tagName();
                if (name.equals("a")) {
                    copyChildren(element, to);
                } else if (SHAPES.contains(name)) {
                    Element copy = to.appendElement(name);
                    copyAttributes(element, copy);
                    copyChildren(element, copy);
                }
            }
        }
    }

    private static void copyAttributes(Element from, Element to) {
        for (Attribute attribute : from.attributes()) {
            if (ATTRIBUTES.contains(attribute.getKey())) {
                paint(to, attribute.getKey(), attribute.getValue());
            } else if (attribute.getKey().equals("style")) {
                for (String declaration : attribute.getValue().split(";")) {
                    int colon = declaration.indexOf(':');
                    if (colon > 0) {
                        String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                        if (ATTRIBUTES.contains(property) && !to.hasAttr(property)) {
                            paint(to, property, declaration.substring(colon + 1).strip());
                        }
                    }
                }
            }
        }
        List<String> roles = new ArrayList<>();
        double fill = luminance(to.attr("fill"));
        double stroke = luminance(to.attr("stroke"));
        boolean text = to.nameIs("text") || to.nameIs("tspan");
        if (text && (fill < 0 || fill < 0.3)) {
            roles.add("d-text");
        } else if (fill >= 0 && fill < 0.3) {
            roles.add("d-ink");
        } else if (fill >= 0.3 && isYellowish(to.attr("fill"))) {
            roles.add("d-note");
        } else if (fill > 0.97) {
            roles.add("d-bg");
        } else if (fill >= 0.3) {
            roles.add("d-box");
        }
        if (stroke >= 0 && stroke < 0.5) {
            roles.add("d-line");
        }
        if (!roles.isEmpty()) {
            to.attr("class", String.join(" ", roles));
        }
    }

    private static void paint(Element to, String name, String value) {
        if ((name.equals("textLength") || name.equals("lengthAdjust")) && !to.nameIs("text") && !to.nameIs("tspan")) {
            return; // SVG 1.1 allows them on text only; PlantUML also puts lengthAdjust on a group
        }
        // No functional notation (url(), var(), calc()) can fetch or escape; transform's own functions can't.
        if (!value.contains("(") || name.equals("transform") && !value.toLowerCase(Locale.ROOT).contains("url(")) {
            to.attr(name, value);
        }
    }

    /** @return relative luminance 0..1 (WCAG 2.x), or -1 when {@code color} is not a plain colour */
    static double luminance(String color) {
        int[] rgb = rgb(color);
        if (rgb == null) {
            return -1;
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static boolean isYellowish(String color) {
        int[] rgb = rgb(color);
        return rgb != null && rgb[0] > 200 && rgb[1] > 200 && rgb[2] < rgb[1] - 20;
    }

    private static int[] rgb(String color) {
        String value = NAMED.getOrDefault(color.strip().toLowerCase(Locale.ROOT), color.strip());
        Matcher m = HEX.matcher(value);
        if (!m.matches()) {
            return null;
        }
        String hex = m.group(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int v = Integer.parseInt(hex, 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }
}
