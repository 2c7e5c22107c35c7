package dev.essayist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Script injection an essay might carry, and the ordinary content that must survive next to it.
 * Shared by the sanitiser's unit test and the tests over HTTP of pages and feeds.
 */
public final class XssCorpus {

    private XssCorpus() {
    }

    /** Attacks by name, each a Markdown snippet. */
    public static final Map<String, String> ATTACKS = attacks();

    /** Front matter written to attack the page head, lists and feeds; shown as plain text. */
    public static final String TITLE = "<script>alert('title')</script> Title & \"quotes\"";
    /** An attacking summary. */
    public static final String SUMMARY = "<img src=x onerror=alert('summary')> summary";
    /** An attacking tag name. */
    public static final String TAG = "<b onmouseover=alert(1)>Evil</b>";

    /** Ordinary Markdown and HTML every test expects to find rendered, see {@link #assertOrdinaryContent}. */
    public static final String ORDINARY = """
            ## Safe section

            A [safe link](https://example.com/ok "Title"), a [mail](mailto:author@example.com), a
            [relative](/posts/beta) and a [fragment](#safe-section) link; ~~old~~ <kbd>Ctrl</kbd> x<sup>2</sup>.

            ![Diagram](/static/img/ok.png) ![Remote](https://images.example.com/r.png)

            <figure class="wide"><img src="/static/img/fig.png" alt="Figure"><figcaption>Caption</figcaption></figure>

            <details><summary>More</summary>

            Hidden detail.

            </details>

            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - [ ] to do

            ```sql
            SELECT 1;
            ```
            """;

    /**
     * Inline script a browser would run: any {@code <script>} without {@code src}, except a JSON-LD
     * data block, which is never executed (HTML, "data block"); a title that broke out of one would
     * show up here as a second, untyped script.
     */
    public static final String EXECUTABLE_INLINE_SCRIPT = "script:not([src]):not([type='application/ld+json'])";

    /**
     * Elements no essay may carry into a page or a feed. SVG and MathML may appear (diagrams and
     * math), but none of their elements that fetch, animate or embed HTML.
     */
    private static final String DANGEROUS_ELEMENTS = "script, iframe, frame, frameset, object, embed, applet, form, "
            + "button, textarea, select, style, link, meta, base, template, noscript, video, audio, "
            + "source, input:not([type=checkbox]), foreignobject, image, use, feimage, animate, set, "
            + "animatetransform, animatemotion, svg a:not([href^=http])";

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "poster",
            "cite", "data", "background", "xlink:href", "srcdoc");

    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

    private static Map<String, String> attacks() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("markdown link", "[md](javascript:alert(1))");
        a.put("upper-case scheme", "[upper](JAVASCRIPT:alert(1))");
        a.put("decimal reference in scheme", "[dec](java&#115;cript:alert(1))");
        a.put("hex reference in scheme", "[hex](&#x6A;avascript:alert(1))");
        a.put("padded reference", "<a href=\"&#0000106avascript:alert(1)\">padded</a>");
        a.put("tab in scheme", "[tab](<java\tscript:alert(1)>) <a href=\"java\tscript:alert(1)\">tab</a>");
        a.put("tab reference in scheme", "<a href=\"java&#9;script:alert(1)\">tab ref</a>");
        a.put("newline in scheme", "<a href=\"java\nscript:alert(1)\">nl</a> <a href=\"jav&#x0A;ascript:alert(1)\">nl ref</a>");
        a.put("leading spaces", "<a href=\"  javascript:alert(1)\">spaces</a>");
        a.put("autolink", "<javascript:alert(1)>");
        a.put("reference link", "[ref][evil]\n\n[evil]: javascript:alert(1)\n");
        a.put("reference image", "![refimg][evilimg]\n\n[evilimg]: javascript:alert(1)\n");
        a.put("vbscript", "[vb](vbscript:msgbox(1)) <a href=\"VBScript:msgbox(1)\">vb</a>");
        a.put("data link", "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
        a.put("data image", "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)");
        a.put("javascript image", "![pic](javascript:alert(1))");
        a.put("script element", "<script>alert(1)</script>");
        a.put("event handler", "<img src=\"/x.png\" onerror=\"alert(1)\"> <p onclick=\"alert(1)\">click</p>");
        a.put("iframe", "<iframe src=\"https://evil.example/\"></iframe> <iframe srcdoc=\"<script>alert(1)</script>\"></iframe>");
        a.put("object and embed", "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">");
        a.put("form", "<form action=\"https://evil.example/\"><input type=\"password\" name=\"p\"><button formaction=\"javascript:alert(1)\">go</button></form>");
        a.put("style element", "<style>body { display: none }</style>");
        a.put("style attribute", "<p style=\"position:fixed;top:0\">styled</p>");
        a.put("svg", "<svg onload=\"alert(1)\"><a xlink:href=\"javascript:alert(1)\"><text>svg</text></a></svg>");
        a.put("math", "<math><mtext><script>alert(1)</script></mtext></math>");
        a.put("details toggle", "<details open ontoggle=\"alert(1)\"><summary>t</summary>x</details>");
        a.put("autofocus input", "<input type=\"text\" autofocus onfocus=\"alert(1)\">");
        a.put("srcset", "<img src=\"/ok.png\" srcset=\"javascript:alert(1) 1x, data:image/png;base64,AA 2x\">");
        a.put("base and meta", "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");
        a.put("link element", "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">");
        a.put("noscript mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>");
        a.put("table background", "<table background=\"javascript:alert(1)\"><tr><td>t</td></tr></table>");
        a.put("anchor with both", "<a href=\"javascript:alert(1)\" onmouseover=\"alert(1)\">both</a>");
        return a;
    }

    /** @return the whole corpus as one Markdown body, ordinary content first */
    public static String essayBody() {
        StringBuilder body = new StringBuilder(ORDINARY).append('\n');
        ATTACKS.forEach((name, markdown) -> body.append("Attack: ").append(name).append("\n\n")
                .append(markdown).append("\n\n"));
        return body.toString();
    }

    /**
     * Asserts that nothing under {@code root} can run script or load active content: no dangerous
     * element, no event-handler or {@code style} attribute, and no URL with a scheme other than
     * {@code http}, {@code https} or {@code mailto}.
     *
     * @param root  the element to check (a page's {@code main}, or a feed item's content)
     * @param where what is checked, for messages
     */
    public static void assertHarmless(Element root, String where) {
        assertThat(root.select(DANGEROUS_ELEMENTS)).as("dangerous elements in %s", where).isEmpty();
        for (Element element : root.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s> in %s", element.tagName(), where)
                        .doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
                if (URL_ATTRIBUTES.contains(name)) {
                    assertSafeUrl(attribute.getValue(), name + " of <" + element.tagName() + "> in " + where);
                }
                if (name.equals("srcset")) {
                    for (String candidate : attribute.getValue().split(",")) {
                        assertSafeUrl(candidate.strip().split("\\s+")[0], "srcset in " + where);
                    }
                }
            }
        }
    }

    private static void assertSafeUrl(String url, String where) {
        // Browsers drop ASCII tab and newline anywhere and trim spaces and controls (WHATWG URL).
        String normalised = url.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+", "")
                .toLowerCase(Locale.ROOT);
        Matcher scheme = SCHEME.matcher(normalised);
        if (scheme.find()) {
            assertThat(scheme.group(1)).as("URL scheme of %s: %s", where, url).isIn("http", "https", "mailto");
        }
    }

    /**
     * Asserts the {@link #ORDINARY} content is there.
     *
     * @param root  the rendered essay body
     * @param base  how root-relative URLs appear: {@code ""} on pages, the site's URL in feeds
     * @param where what is checked, for messages
     */
    public static void assertOrdinaryContent(Element root, String base, String where) {
        assertThat(root.select("a[href=https://example.com/ok][title=Title]").text()).as(where).isEqualTo("safe link");
        assertThat(root.select("a[href=mailto:author@example.com]")).as(where).hasSize(1);
        assertThat(root.select("a[href=" + base + "/posts/beta]")).as(where).hasSize(1);
        assertThat(root.select("a[href$=#safe-section]")).as(where).isNotEmpty();
        assertThat(root.select("h2[id=safe-section]")).as(where).hasSize(1);
        assertThat(root.select("del").text()).as(where).isEqualTo("old");
        assertThat(root.select("kbd").text()).as(where).isEqualTo("Ctrl");
        assertThat(root.select("sup").text()).as(where).contains("2");
        assertThat(root.select("img[src=" + base + "/static/img/ok.png][alt=Diagram]")).as(where).hasSize(1);
        assertThat(root.select("img[src=https://images.example.com/r.png]")).as(where).hasSize(1);
        assertThat(root.select("figure.wide > figcaption").text()).as(where).isEqualTo("Caption");
        assertThat(root.select("details > summary").text()).as(where).contains("More");
        assertThat(root.select("table th").eachText()).as(where).containsSubsequence("a", "b");
        assertThat(root.select("li input[type=checkbox][disabled]")).as(where).hasSize(2);
        assertThat(root.select("li input[type=checkbox][checked]")).as(where).hasSize(1);
        assertThat(root.select("pre code.language-sql").text()).as(where).isEqualTo("SELECT 1;");
    }
}
