package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    @Test
    void splitsFrontMatterAndBody() throws ContentException {
        SourceFile file = SourceFile.parse("---\ntitle: T\n---\nHello\n".getBytes(StandardCharsets.UTF_8), "posts/a.md");
        assertThat(file.frontMatter()).isEqualTo("title: T");
        assertThat(file.body()).isEqualTo("Hello\n");
        assertThat(file.bodyLine()).isEqualTo(4);
        assertThat(file.hash()).hasSize(64);
    }

    @Test
    void acceptsByteOrderMarkAndCrlf() throws ContentException {
        byte[] bytes = "\uFEFF---\r\ntitle: T\r\n---\r\nHello\r\n".getBytes(StandardCharsets.UTF_8);
        SourceFile file = SourceFile.parse(bytes, "posts/a.md");
        assertThat(file.frontMatter()).isEqualTo("title: T");
        assertThat(file.body()).isEqualTo("Hello\n");
    }

    @Test
    void missingFrontMatterIsAnErrorOnLineOne() {
        assertThatThrownBy(() -> SourceFile.parse("# Hello\n".getBytes(StandardCharsets.UTF_8), "posts/a.md"))
                .hasMessage("posts/a.md:1: error: no front matter: the file must start with a line '---' then YAML then '---' (or '+++' and TOML, or a JSON object)");
    }

    @Test
    void unterminatedFrontMatterIsAnError() {
        assertThatThrownBy(() -> SourceFile.parse("---\ntitle: T\n# Hello\n".getBytes(StandardCharsets.UTF_8), "posts/a.md"))
                .hasMessageContaining("posts/a.md:1: error: front matter is not terminated");
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] bytes = "---\ntitle: T\n---\nline\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SourceFile.parse(bytes, "posts/a.md"))
                .hasMessage("posts/a.md:5: error: file is not UTF-8; save it as UTF-8");
    }
}
