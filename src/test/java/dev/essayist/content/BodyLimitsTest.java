package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    private static SourceFile file(String body) throws ContentException {
        return SourceFile.parse(("---\ntitle: T\ndate: 2025-01-01\n---\n" + body).getBytes(StandardCharsets.UTF_8), "posts/x.md");
    }

    @Test
    void countsBlockquoteAndListMarkersThatOpenALine() {
        assertThat(BodyLimits.depth("> > - 1. text")).isEqualTo(4);
        assertThat(BodyLimits.depth(">>>> text")).isEqualTo(4);
        assertThat(BodyLimits.depth("*emphasis* is not a list")).isZero();
        assertThat(BodyLimits.depth("--- a rule")).isZero();
        assertThat(BodyLimits.depth("2025. a year")).isEqualTo(1);
    }

    @Test
    void deepNestingIsRefusedAtItsLine() {
        assertThatThrownBy(() -> BodyLimits.check(file("Fine.\n\n" + "> ".repeat(33) + "x\n")))
                .isInstanceOfSatisfying(ContentException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(7);
                    assertThat(e.problem().message()).startsWith("blockquotes and lists nested 33 levels deep on one line");
                });
    }

    @Test
    void nestingInsideFencedCodeIsOnlyText() {
        assertThatCode(() -> BodyLimits.check(file("```\n" + "> ".repeat(100) + "\n```\n"))).doesNotThrowAnyException();
    }

    @Test
    void anEssaySizedBodyPassesEveryLimit() {
        String essay = ("## Part\n\nA paragraph with a [link](/posts/x) &mdash; and a footnote.[^1]\n\n"
                + "> a quote\n> - with a list\n\n[ref]: /posts/y\n").repeat(200) + "[^1]: The note.\n";
        assertThatCode(() -> BodyLimits.check(file(essay))).doesNotThrowAnyException();
    }

    @Test
    void referenceCountsAreLimited() {
        assertThatThrownBy(() -> BodyLimits.check(file("&amp;".repeat(BodyLimits.MAX_ENTITIES + 1))))
                .hasMessageContaining("more than 5000 character references");
        assertThatThrownBy(() -> BodyLimits.check(file("[a](".repeat(BodyLimits.MAX_LINKS + 1))))
                .hasMessageContaining("more than 5000 link destinations");
    }
}
