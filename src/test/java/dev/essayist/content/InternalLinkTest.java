package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalLinkTest {

    private static final String BASE = "https://essays.example.com";

    @Test
    void rootRelativeAndBaseUrlLinksAreInternal() {
        assertThat(InternalLink.parse("/posts/skip-locked/#why", BASE))
                .contains(new InternalLink("/posts/skip-locked", "why"));
        assertThat(InternalLink.parse(BASE + "/posts/skip-locked?x=1", BASE))
                .contains(new InternalLink("/posts/skip-locked", null));
        assertThat(InternalLink.parse("#a%20b", BASE)).contains(new InternalLink("", "a b"));
    }

    @Test
    void otherSitesSchemesAndRelativePathsAreNot() {
        assertThat(InternalLink.parse("https://example.org/posts/x", BASE)).isEmpty();
        assertThat(InternalLink.parse("//evil.example/posts/x", BASE)).isEmpty();
        assertThat(InternalLink.parse("mailto:a@example.com", BASE)).isEmpty();
        assertThat(InternalLink.parse("diagram.png", BASE)).isEmpty();
    }

    @Test
    void namesTheEssayOrStaticFileItPointsTo() {
        assertThat(InternalLink.parse("/posts/x", BASE).flatMap(InternalLink::postSlug)).contains("x");
        assertThat(InternalLink.parse("/posts/x/y", BASE).flatMap(InternalLink::postSlug)).isEmpty();
        assertThat(InternalLink.parse("/static/img/a%20b.png", BASE).flatMap(InternalLink::staticFile)).contains("img/a b.png");
    }
}
