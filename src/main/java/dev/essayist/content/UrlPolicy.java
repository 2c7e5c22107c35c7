package dev.essayist.content;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.parser.Parser;
import org.owasp.html.FilterUrlByProtocolAttributePolicy;

/**
 * The one rule for every URL an author writes: links and images in essay bodies (applied by
 * {@link HtmlSanitizer}) and URLs in front matter, such as the about page's {@code links:}.
 *
 * <p>A URL is kept when it has no scheme (a site path, a relative path, a query or a fragment) or
 * its scheme is one of {@link #SCHEMES}. The check is the OWASP Java HTML Sanitizer's own
 * ({@link FilterUrlByProtocolAttributePolicy}), the one the body sanitiser runs: after trimming HTML
 * whitespace, everything before the first {@code :} is the scheme unless a {@code /}, {@code ?} or
 * {@code #} comes first, and it must be on the list exactly, ignoring case. So {@code javascript:},
 * {@code data:}, {@code vbscript:}, {@code JAVASCRIPT:} with leading spaces, and a scheme with a tab,
 * newline or control character inside (which browsers would strip, WHATWG URL Standard, "basic URL
 * parser") are all refused. A protocol-relative {@code //host/path} is kept, since both {@code http}
 * and {@code https} are allowed.
 *
 * <p>Thread-safe: stateless.
 */
public final class UrlPolicy {

    /** The URL schemes an author may use, lower case, without the colon. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    private static final FilterUrlByProtocolAttributePolicy FILTER = new FilterUrlByProtocolAttributePolicy(SCHEMES);

    private UrlPolicy() {
    }

    /**
     * For a URL as an author writes it in front matter, where it is text, not HTML: character
     * references are decoded first, as they are in a body's link destination (CommonMark 0.31,
     * "Entity and numeric character references") and in an HTML attribute, so that
     * {@code java&#115;cript:} is refused in front matter as it is in a body.
     *
     * @param written the URL as written, e.g. {@code https://example.com/a(b)} or {@code mailto:me@example.com}
     * @return the URL to put in an {@code href} (parentheses, braces and control characters
     *         percent-encoded, as in bodies), or empty when the policy refuses it
     */
    public static Optional<String> href(String written) {
        return Optional.ofNullable(FILTER.apply("a", "href", Parser.unescapeEntities(written, true)));
    }

    /**
     * For a URL already decoded, as an {@code href} attribute's value is after parsing: whether the
     * policy keeps it. Used where a stored URL is about to be rendered, so that content indexed
     * before a rule existed cannot reach a page either.
     *
     * @param href the attribute value
     * @return whether the scheme is allowed (or there is none)
     */
    public static boolean allows(String href) {
        return FILTER.apply("a", "href", href) != null;
    }

    /**
     * @param url a URL the policy refused
     * @return why, for a problem message, e.g. {@code URL 'javascript:alert(1)' is refused (allowed:
     *         a path, or a URL with scheme http, https or mailto)}
     */
    static String refusal(String url) {
        List<String> schemes = SCHEMES.stream().sorted().toList();
        return "URL " + quoted(url) + " is refused (allowed: a path, or a URL with scheme "
                + String.join(", ", schemes.subList(0, schemes.size() - 1)) + " or " + schemes.get(schemes.size() - 1) + ")";
    }

    /** @return the URL quoted, control characters shown as backslash-u escapes, at most 100 characters */
    private static String quoted(String url) {
        StringBuilder out = new StringBuilder("'");
        url.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(url.codePointCount(0, url.length()) > 100 ? "…'" : "'").toString();
    }
}
