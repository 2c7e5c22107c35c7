package dev.essayist.content;

import java.util.List;
import java.util.regex.Pattern;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allowlist of {@link HtmlSanitizer}, as an OWASP Java HTML Sanitizer policy: which elements,
 * attributes (and the shapes their values must match) and URL schemes a rendered body may keep.
 * What it keeps and removes, and why, is described on {@link HtmlSanitizer}; this class only
 * defines it, and {@link HtmlSanitizer} applies it.
 *
 * <p>Element policies here may rewrite an element's attributes (a {@code <video>} always gets
 * {@code controls}, a task-list box is always {@code disabled}) or drop the element (an
 * {@code <input>} that is not a checkbox). Nothing here throws.
 *
 * <p>Thread-safe: the policy is immutable.
 */
final class SanitizerPolicy {

    private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

    /** Fragment ids: letters, digits, {@code - _ : .}; enough for flexmark's heading and footnote ids. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_:.\\-]{0,127}");

    /** Space-separated class names such as {@code language-sql} or {@code footnote-ref}. */
    private static final Pattern CLASSES = Pattern.compile("[A-Za-z0-9_\\- ]{1,256}");

    private static final Pattern PIXELS = Pattern.compile("[0-9]{1,5}");

    private static final Pattern TABINDEX = Pattern.compile("-?[0-9]");

    private static final Pattern ROLE = Pattern.compile("[a-z]{1,32}");

    private static final Pattern ALIGN = Pattern.compile("(?i)left|center|right");

    /** A media URL: {@code http(s)} or relative, never another scheme (not even {@code mailto:}). */
    private static final Pattern MEDIA_URL = Pattern.compile("(?is)https?://.*|[^:/?#]*(?:[/?#].*)?");

    /** Elements an author's own id may go on ({@code <a id="f1"></a>}, {@code <h2 id="x">}); see {@code AuthorIds}. */
    private static final String[] WITH_IDS = {"a", "span", "p", "div", "li", "sup", "figure", "table", "dt", "dd",
            "blockquote", "details", "pre"};

    /** A {@code <video>} or {@code <audio>} always shows its controls, so nothing plays unseen. */
    private static final ElementPolicy WITH_CONTROLS = (name, attrs) -> {
        if (value(attrs, "controls") == null) {
            attrs.addAll(List.of("controls", "controls"));
        }
        return name;
    };

    /**
     * A task-list box (GitHub task lists render as {@code <input type="checkbox" disabled>}): kept only
     * as a checkbox, always disabled, so no other form control can be smuggled in.
     */
    private static final ElementPolicy CHECKBOX_ONLY = (name, attrs) -> {
        if (!"checkbox".equalsIgnoreCase(value(attrs, "type"))) {
            return null;
        }
        if (value(attrs, "disabled") == null) {
            attrs.addAll(List.of("disabled", "disabled"));
        }
        return name;
    };

    /** The allowlist, HTML and then SVG and MathML ({@link ForeignElementPolicy}). */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowUrlProtocols(UrlPolicy.SCHEMES.toArray(String[]::new))
            .allowElements("p", "br", "hr", "blockquote", "pre", "code", "kbd", "samp", "var",
                    "em", "strong", "i", "b", "del", "s", "ins", "mark", "small", "sup", "sub", "abbr",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "figure", "figcaption", "details", "summary", "div", "span", "a", "img", "source", "track")
            .allowElements(HEADINGS)
            .allowElements(CHECKBOX_ONLY, "input")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title", "srcset").onElements("img")
            .allowAttributes("width", "height").matching(PIXELS).onElements("img")
            .allowAttributes("type", "checked", "disabled").onElements("input")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("open").onElements("details")
            .allowAttributes("start").matching(PIXELS).onElements("ol")
            .allowAttributes("align").matching(ALIGN).onElements("th", "td")
            .allowAttributes("class").matching(CLASSES)
                    .onElements("span", "code", "pre", "div", "a", "sup", "li", "ol", "figure", "figcaption")
            .allowAttributes("id").matching(ID).onElements(HEADINGS)
            .allowAttributes("id").matching(ID).onElements(WITH_IDS)
            // A callout's label (content.engines.Callouts); other paragraphs carry no class.
            .allowAttributes("class").matching(Pattern.compile("callout-title")).onElements("p")
            // Video and audio the reader starts: http(s) or relative sources, controls always on,
            // no autoplay; the CSP allows media from https: (SecurityHeadersFilter).
            .allowElements(WITH_CONTROLS, "video", "audio")
            .allowAttributes("src").matching(MEDIA_URL).onElements("video", "audio", "source", "track")
            .allowAttributes("poster").matching(MEDIA_URL).onElements("video")
            .allowAttributes("controls", "loop", "muted", "playsinline").onElements("video", "audio")
            .allowAttributes("preload").matching(Pattern.compile("none|metadata|auto")).onElements("video", "audio")
            .allowAttributes("width", "height").matching(PIXELS).onElements("video")
            .allowAttributes("type").matching(Pattern.compile("(?i)(?:video|audio)/[\\w.+-]{1,64}(?:;\\s*codecs=\"[\\w.,+ -]{0,100}\")?"))
                    .onElements("source")
            .allowAttributes("kind").matching(Pattern.compile("subtitles|captions|descriptions|chapters|metadata"))
                    .onElements("track")
            .allowAttributes("srclang").matching(Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,4}")).onElements("track")
            .allowAttributes("label", "default").onElements("track")
            .allowAttributes("tabindex").matching(TABINDEX).onElements("div", "pre", "figure")
            .allowAttributes("role").matching(ROLE).onElements("div", "pre")
            .allowAttributes("aria-label").onElements("div", "pre")
            // A fenced block's file name (```sql title="queue.sql"); CodeBlockTitles turns it into
            // a caption after sanitising, as text.
            .allowAttributes("data-title").onElements("pre")
            .toFactory()
            // Diagrams and math (content.render), as SVG and MathML.
            .and(ForeignElementPolicy.POLICY);

    private SanitizerPolicy() {
    }

    /** @return the value of {@code name} in an OWASP attribute list (name, value, name, value, ...) */
    private static String value(List<String> attrs, String name) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equals(name)) {
                return attrs.get(i + 1);
            }
        }
        return null;
    }
}
