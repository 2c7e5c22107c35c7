package dev.essayist.content;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.owasp.html.HtmlStreamEventReceiver;

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
 * <p>The allowlist itself is {@link SanitizerPolicy}; this class applies it, as text or as a jsoup document.
 *
 * <p>Thread-safe: the policy is immutable.
 */
final class HtmlSanitizer {

    private HtmlSanitizer() {
    }

    /**
     * @param html an HTML fragment, as flexmark renders a Markdown body
     * @return the fragment with only allowlisted elements, attributes and URL schemes left; text is
     *         kept (except inside {@code <script>}, {@code <style>} and the like), well-formed and
     *         with every tag closed
     */
    static String sanitize(String html) {
        return SanitizerPolicy.POLICY.sanitize(html);
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
        org.owasp.html.HtmlSanitizer.sanitize(html, SanitizerPolicy.POLICY.apply(builder));
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
