package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {

    /** URLs as an author might write them in front matter; each must be refused. */
    static final List<String> HOSTILE = List.of(
            "javascript:alert(44)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "  JAVASCRIPT:alert(1)",
            "\u0001javascript:alert(1)",
            "java&#115;cript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106avascript:alert(1)",
            "java&#9;script:alert(1)",
            "javascript&colon;alert(1)",
            "vbscript:msgbox(1)",
            "file:///etc/passwd");

    /** URLs an author means; each must be kept. */
    static final List<String> ORDINARY = List.of(
            "https://example.com/code",
            "HTTP://example.com/",
            "mailto:author@example.com",
            "/posts/skip-locked-is-not-enough",
            "posts/relative",
            "#experience",
            "?q=postgres",
            "//cdn.example.com/x.png",
            "https://example.com/a?b=1&c=2");

    @Test
    void refusesEveryHostileUrl() {
        assertThat(HOSTILE).allSatisfy(url -> assertThat(UrlPolicy.href(url)).as(url).isEmpty());
    }

    @Test
    void keepsOrdinaryUrls() {
        assertThat(ORDINARY).allSatisfy(url -> assertThat(UrlPolicy.href(url)).as(url).isPresent());
        assertThat(UrlPolicy.href("https://example.com/a?b=1&amp;c=2")).contains("https://example.com/a?b=1&c=2");
    }

    @Test
    void encodesParenthesesAsBodiesDo() {
        assertThat(UrlPolicy.href("https://en.wikipedia.org/wiki/Lock_(database)"))
                .contains("https://en.wikipedia.org/wiki/Lock_%28database%29");
    }

    /**
     * The same scheme rule as bodies. Front matter decodes character references as the HTML standard
     * does, so it may refuse what the body sanitiser keeps as literal text ({@code &#0000106avascript:},
     * which OWASP leaves undecoded and escapes), never the other way round.
     */
    @Test
    void neverKeepsWhatTheBodySanitiserRefuses() {
        for (String url : Stream.concat(HOSTILE.stream(), ORDINARY.stream()).toList()) {
            // Written as an HTML attribute, the URL's character references are decoded once, as in front matter.
            String html = "<a href=\"" + url.replace("\"", "&quot;") + "\">x</a>";
            Element link = Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(html)).selectFirst("a[href]");
            UrlPolicy.href(url).ifPresent(href -> assertThat(link == null ? null : link.attr("href")).as(url).isEqualTo(href));
        }
        assertThat(ORDINARY).allSatisfy(url -> assertThat(Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(
                "<a href=\"" + url + "\">x</a>")).select("a[href]")).as(url).hasSize(1));
    }

    @Test
    void allowsChecksAnAlreadyDecodedValue() {
        assertThat(UrlPolicy.allows("javascript:alert(1)")).isFalse();
        assertThat(UrlPolicy.allows("  JAVASCRIPT:alert(1)")).isFalse();
        assertThat(UrlPolicy.allows("/about")).isTrue();
        // Stored text is not decoded again: rendered escaped, this is a harmless relative URL.
        assertThat(UrlPolicy.allows("java&#115;cript:alert(1)")).isTrue();
    }

    @Test
    void refusalNamesTheUrlWithControlCharactersVisible() {
        assertThat(UrlPolicy.refusal("java\tscript:alert(1)"))
                .isEqualTo("URL 'java\\u0009script:alert(1)' is refused (allowed: a path, or a URL with scheme http, https or mailto)");
        assertThat(UrlPolicy.refusal("x".repeat(150))).contains("x".repeat(100) + "…'").doesNotContain("x".repeat(101));
    }
}
