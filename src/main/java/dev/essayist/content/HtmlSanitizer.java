package dev.essayist.content;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * The allowlist every rendered body passes through at index time, so neither a page nor a feed can
 * carry script into a reader's browser, whatever an author (or a pasted snippet) writes.
 *
 * <p>Kept: what Markdown and its extensions produce, plus the HTML authors commonly write inside
 * Markdown ({@code <figure>}, {@code <details>}, {@code <kbd>}, {@code <sup>}, tables, images,
 * {@code <video>} and {@code <audio>} with {@code <source>} and {@code <track>}, always with
 * controls), and the author's own ids ({@code content.render.AuthorIds} keeps them from shadowing
 * anything a script reads). Removed:
 * every other element ({@code <script>}, {@code <style>}, {@code <iframe>}, {@code <object>},
 * {@code <embed>}, {@code <form>}, SVG and MathML beyond {@link ForeignElementPolicy}, ...; the text
 * of script and style goes with them, the text of the others stays), every event-handler and
 * {@code style} attribute, and every link or image whose URL has a scheme other than those of
 * {@link UrlPolicy#SCHEMES} ({@code http}, {@code https}, {@code mailto}). Relative URLs and
 * fragments stay.
 *
 * <p>The URL check is the OWASP Java HTML Sanitizer's, which {@link UrlPolicy} also applies to
 * front-matter URLs: it decodes character references first, then
 * takes everything before the first {@code :} (unless a {@code /}, {@code ?} or {@code #} comes
 * earlier) as the scheme, which must be on the list. So {@code java&#115;cript:},
 * {@code &#x6A;avascript:}, {@code JAVASCRIPT:} and a scheme with a tab or newline inside are all
 * refused, as are {@code vbscript:} and {@code data:}, in links, images and every {@code srcset}
 * candidate; an {@code <a>} or {@code <img>} left without its URL is dropped, keeping its text.
 * This does not rely on flexmark's {@code SUPPRESSED_LINKS}.
 *
 * <p>Thread-safe: the policy is immutable.
 */
final class HtmlSanitizer {

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

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
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

    private HtmlSanitizer() {
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

    /**
     * @param html an HTML fragment, as flexmark renders a Markdown body
     * @return the fragment with only allowlisted elements, attributes and URL schemes left; text is
     *         kept (except inside {@code <script>}, {@code <style>} and the like), well-formed and
     *         with every tag closed
     */
    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /**
     * The same policy as {@link #sanitize(String)}, its output built straight into a jsoup document
     * instead of written as text for jsoup to parse again.
     *
     * <p>The result is the document {@code Jsoup.parseBodyFragment(sanitize(html))} gives, when
     * writing the policy's output as text and parsing it back changes nothing. That holds for what
     * flexmark writes for Markdown without raw HTML (the caller's guard) as long as no text or
     * attribute holds a character the OWASP renderer rewrites (a control character, {@code \r},
     * {@code {}, anything from U+D800 up, the Indic vowels around which it drops a zero-width
     * non-joiner, a backtick in an attribute) and no element is one whose content jsoup's parser
     * would restructure (a link inside a link, a line break first in a {@code <pre>}). Otherwise
     * this answers empty and the caller takes the text path.
     *
     * @param html an HTML fragment, as flexmark renders a Markdown body without raw HTML
     * @return the sanitised fragment as the body of a new document, or empty when the text path is needed
     */
    static Optional<Document> sanitizeToDocument(String html) {
        DocumentBuilder builder = new DocumentBuilder();
        org.owasp.html.HtmlSanitizer.sanitize(html, POLICY.apply(builder));
        return builder.exact ? Optional.of(builder.document) : Optional.empty();
    }

    /** Builds a jsoup document from the policy's events; notes when text would not survive a round trip. */
    private static final class DocumentBuilder implements HtmlStreamEventReceiver {

        private final Document document = Document.createShell("");
        private final Deque<Element> open = new ArrayDeque<>();
        private final StringBuilder pending = new StringBuilder();
        private boolean exact = true;

        DocumentBuilder() {
            open.push(document.body());
        }

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
            flushText();
        }

        @Override
        public void openTag(String name, List<String> attrs) {
            if (!exact) {
                return;
            }
            if (name.equals("a") && open.stream().anyMatch(e -> e.nameIs("a"))) {
                exact = false; // jsoup's parser closes the outer link (the adoption agency algorithm)
                return;
            }
            flushText();
            Element element = new Element(name);
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                String key = attrs.get(i);
                String value = attrs.get(i + 1);
                if (!survives(value, true)) {
                    exact = false;
                    return;
                }
                if (!element.hasAttr(key)) { // jsoup's parser keeps the first of two
                    element.attr(key, value);
                }
            }
            open.element().appendChild(element);
            if (!Tag.valueOf(name).isEmpty()) {
                open.push(element);
            }
        }

        @Override
        public void closeTag(String name) {
            if (!exact || Tag.valueOf(name).isEmpty()) {
                return;
            }
            flushText();
            if (open.size() > 1 && open.element().nameIs(name)) {
                open.pop();
            } else {
                exact = false;
            }
        }

        @Override
        public void text(String text) {
            if (!exact || text.isEmpty()) {
                return;
            }
            if (!survives(text, false)
                    || pending.isEmpty() && text.charAt(0) == '\n' && open.element().nameIs("pre") && open.element().childNodeSize() == 0) {
                exact = false;
                return;
            }
            pending.append(text); // the policy hands over text in pieces; jsoup's parser makes one node of them
        }

        /** Appends the text received since the last tag to the element it belongs in. */
        private void flushText() {
            if (!pending.isEmpty()) {
                open.element().appendChild(new TextNode(pending.toString()));
                pending.setLength(0);
            }
        }

        /** @return whether the OWASP renderer writes {@code text} so that parsing it gives it back unchanged */
        private static boolean survives(String text, boolean attribute) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' || c == '\r' || c == '{' || c == '`' && attribute
                        || c >= 0x93A && c <= 0xC4C || c >= 0xD800) {
                    return false;
                }
            }
            return true;
        }
    }
}
