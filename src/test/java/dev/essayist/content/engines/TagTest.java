package dev.essayist.content.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.junit.jupiter.api.Test;

class TagTest {

    private static Tag at(String text) {
        return Tag.at(BasedSequence.of(text), 0);
    }

    @Test
    void readsALiquidTagWithWhitespaceControl() {
        Tag tag = at("{%- highlight ruby linenos -%} rest");
        assertThat(tag.kind()).isEqualTo(Tag.Kind.LIQUID);
        assertThat(tag.name()).isEqualTo("highlight");
        assertThat(tag.param(null, 0)).isEqualTo("ruby");
        assertThat(tag.param(null, 1)).isEqualTo("linenos");
        assertThat(tag.chars().toString()).isEqualTo("{%- highlight ruby linenos -%}");
    }

    @Test
    void readsShortcodeParametersQuotedBareAndAcrossLines() {
        Tag tag = at("{{< figure\n  src=\"/a b.png\"\n  alt=`say \"hi\"` caption=\"x \\\"y\\\"\" width=300\n>}} after");
        assertThat(tag.kind()).isEqualTo(Tag.Kind.SHORTCODE);
        assertThat(tag.name()).isEqualTo("figure");
        assertThat(tag.param("src", -1)).isEqualTo("/a b.png");
        assertThat(tag.param("alt", -1)).isEqualTo("say \"hi\"");
        assertThat(tag.param("caption", -1)).isEqualTo("x \"y\"");
        assertThat(tag.param("width", -1)).isEqualTo("300");
        assertThat(tag.end()).isEqualTo(tag.chars().length());
    }

    @Test
    void aShortcodeEndsAtTheFirstClosingDelimiterAndAQuoteLeftOpenRunsToIt() {
        Tag tag = at("{{< figure src=\"a.png\" caption=\"a >}} b\" >}}");
        assertThat(tag.chars().toString()).isEqualTo("{{< figure src=\"a.png\" caption=\"a >}}");
        assertThat(tag.param("src", -1)).isEqualTo("a.png");
        assertThat(tag.params()).hasSize(2);
    }

    @Test
    void aScannerFindsWhatAFreshLookFindsAtEveryPosition() {
        assertScannerAgreesWithFreshLooks(200, 60, "x");
    }

    @Test
    void aScannerFindsWhatAFreshLookFindsAcrossTheLengthLimit() {
        assertScannerAgreesWithFreshLooks(6, 24, "y".repeat(Tag.MAX_LENGTH / 3));
    }

    /** Random texts of tag pieces: the scanner's remembered delimiters give what a fresh search gives. */
    private static void assertScannerAgreesWithFreshLooks(int rounds, int length, String filler) {
        String[] pieces = {"{%", "%}", "{{<", ">}}", "{{%", "%}}", "{{", "}}", " ", filler, "raw", "\"", "\n", "/*", "*/", "site.url"};
        java.util.Random random = new java.util.Random(20250314);
        for (int round = 0; round < rounds; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            BasedSequence chars = BasedSequence.of(text.toString());
            TagScanner scanner = new TagScanner(chars);
            for (int i = 0; i < chars.length(); i++) {
                Tag scanned = scanner.at(i);
                Tag fresh = Tag.at(chars, i);
                assertThat(scanned == null ? null : scanned.chars().toString()).as("%s at %d", text, i)
                        .isEqualTo(fresh == null ? null : fresh.chars().toString());
            }
        }
    }

    @Test
    void readsClosingSelfClosingMarkdownAndCommentedShortcodes() {
        assertThat(at("{{% /notice %}}").closing()).isTrue();
        assertThat(at("{{% /notice %}}").kind()).isEqualTo(Tag.Kind.SHORTCODE_MARKDOWN);
        Tag self = at("{{< youtube id=\"x\" />}}");
        assertThat(self.closing()).isFalse();
        assertThat(self.param("id", -1)).isEqualTo("x");
        Tag comment = at("{{</* figure src=\"a\" */>}}");
        assertThat(comment.kind()).isEqualTo(Tag.Kind.SHORTCODE_COMMENT);
        assertThat(TagRenderer.literal(comment)).isEqualTo("{{< figure src=\"a\" >}}");
        assertThat(TagRenderer.literal(at("{{%/* notice */%}}"))).isEqualTo("{{% notice %}}");
    }

    @Test
    void readsOnlyJekyllObjects() {
        assertThat(at("{{ site.baseurl }}").kind()).isEqualTo(Tag.Kind.LIQUID_OBJECT);
        assertThat(at("{{ page.title | upcase }}").name()).isEqualTo("page");
        assertThat(at("{{ '/a.png' | relative_url }}").name()).isEqualTo("string");
        assertThat(at("{{ .Title }}")).isNull();
        assertThat(at("{{ user.name }}")).isNull();
        assertThat(at("{{ 'just a string' }}")).isNull();
        assertThat(at("{{{ that }}}")).isNull();
    }

    @Test
    void whatIsNotATagIsNull() {
        assertThat(at("{% %}")).isNull();
        assertThat(at("{%}")).isNull();
        assertThat(at("{{< unclosed")).isNull();
        assertThat(at("{x}")).isNull();
        assertThat(at("{% raw " + " ".repeat(Tag.MAX_LENGTH + 10) + "%}")).as("longer than a tag may be").isNull();
    }
}
