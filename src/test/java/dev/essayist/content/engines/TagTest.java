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
    void aClosingDelimiterInsideQuotesDoesNotEndTheShortcode() {
        Tag tag = at("{{< figure caption=\"a >}} b\" >}}");
        assertThat(tag.param("caption", -1)).isEqualTo("a >}} b");
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
        assertThat(at("{{< x caption=\"unclosed >}}")).isNull();
        assertThat(at("{x}")).isNull();
        assertThat(at("{% raw " + " ".repeat(Tag.MAX_LENGTH + 10) + "%}")).as("longer than a tag may be").isNull();
    }
}
