package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PostReaderTest {

    private final PostReader reader = new PostReader(ZoneId.of("America/Chicago"), new MarkdownRenderer());

    private ParsedPost parse(String fileName, String text) throws ContentException {
        return reader.parse(SourceFile.parse(text.getBytes(StandardCharsets.UTF_8), "posts/" + fileName), fileName);
    }

    @Test
    void slugComesFromTheFileNameWithoutItsDate() throws ContentException {
        ParsedPost post = parse("2025-03-14-skip-locked.md", "---\ntitle: T\ndate: 2025-03-14\n---\nBody.\n");
        assertThat(post.slug()).isEqualTo("skip-locked");
        assertThat(post.path()).isEqualTo("/posts/skip-locked");
    }

    @Test
    void idDefaultsToDateAndFirstSlugAndSurvivesARename() throws ContentException {
        ParsedPost original = parse("a.md", "---\ntitle: T\ndate: 2025-03-14T23:30:00-05:00\nslug: first\n---\nBody.\n");
        ParsedPost renamed = parse("a.md", "---\ntitle: New title\ndate: 2025-03-14T23:30:00-05:00\nslug: second\n"
                + "aliases: [/posts/first]\n---\nBody.\n");
        assertThat(original.guid()).isEqualTo("2025-03-14-first");
        assertThat(renamed.guid()).isEqualTo(original.guid());
    }

    @Test
    void summaryFallsBackToTheFirstParagraph() throws ContentException {
        ParsedPost post = parse("a.md", "---\ntitle: T\ndate: 2025-03-14\n---\nThe *first* paragraph.\n\nMore.\n");
        assertThat(post.summary()).isEqualTo("The first paragraph.");
    }

    @Test
    void unsafeSlugIsMadeSafeWithAWarning() throws ContentException {
        ParsedPost post = parse("a.md", "---\ntitle: T\ndate: 2025-03-14\nslug: Hello World\n---\nx\n");
        assertThat(post.slug()).isEqualTo("hello-world");
        assertThat(post.path()).isEqualTo("/posts/hello-world");
        assertThat(post.warnings()).extracting(Object::toString).containsExactly(
                "posts/a.md:4: warning: slug 'Hello World' is not URL-safe; the post is published as 'hello-world'");
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: T\ndate: 2025-03-14\nslug: \"!!\"\n---\nx\n"))
                .hasMessage("posts/a.md:4: error: slug '!!' has no letter or digit to make a URL of");
    }

    @Test
    void emptyBodyIsAWarning() throws ContentException {
        ParsedPost post = parse("a.md", "---\ntitle: T\ndate: 2025-03-14\n---\n\n");
        assertThat(post.warnings()).extracting(Object::toString).containsExactly("posts/a.md:5: warning: the body is empty");
    }

    @Test
    void diagramAndTexErrorsAreErrorsAtTheirFileLinesAndThePostStillRenders() throws ContentException {
        ParsedPost post = parse("a.md", "---\ntitle: T\ndate: 2025-03-14\n---\nIntro.\n\n```plantuml\nnot ( a diagram\n```\n\n"
                + "A $\\frca{1}$ formula.\n");
        assertThat(post.warnings()).extracting(p -> p.file() + ":" + p.line() + ":" + p.severity())
                .containsExactly("posts/a.md:8:ERROR", "posts/a.md:11:ERROR");
        assertThat(post.body().html()).contains("not ( a diagram", "formula");
    }
}
