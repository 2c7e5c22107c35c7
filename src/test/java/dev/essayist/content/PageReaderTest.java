package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.HostileAbout;
import dev.essayist.page.PageData.Experience;
import dev.essayist.page.PageData.PageLink;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageReaderTest {

    private final PageReader reader = new PageReader(ZoneId.of("America/Chicago"), new MarkdownRenderer());

    private ParsedPage read(String text) throws IOException, ContentException {
        return reader.parse(SourceFile.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "posts/pages/about.md"), "about.md");
    }

    @Test
    void leavesOutEveryRefusedLinkAndWarnsAtItsLine() throws IOException, ContentException {
        ParsedPage page = read(HostileAbout.TEXT);
        assertThat(page.data().links()).extracting(PageLink::url).containsExactlyElementsOf(HostileAbout.KEPT);
        assertThat(page.warnings()).hasSize(HostileAbout.REFUSED.size()).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("posts/pages/about.md");
            assertThat(problem.severity()).isEqualTo(ContentProblem.Severity.WARNING);
            assertThat(problem.message()).endsWith("is refused (allowed: a path, or a URL with scheme http, https or mailto);"
                    + " the link is left out");
        });
        assertThat(page.warnings()).extracting(ContentProblem::line).containsExactlyElementsOf(HostileAbout.REFUSED.values());
        for (Map.Entry<String, Integer> refused : HostileAbout.REFUSED.entrySet()) {
            assertThat(page.warnings()).anySatisfy(problem -> assertThat(problem.message())
                    .startsWith("link '" + refused.getKey() + "': URL '"));
        }
        assertThat(page.warnings().get(2).message()).startsWith("link 'Tab': URL 'java\\u0009script:alert(1)' is refused");
    }

    @Test
    void readsContextApartFromPeriod() throws IOException, ContentException {
        ParsedPage page = read("""
                ---
                title: About
                experience:
                  - role: Sole engineer, reporting engine
                    organisation: Example
                    context: "Solo build"
                  - role: Engineer
                    organisation: Acme
                    period: "2020–2024"
                ---
                Body.
                """);
        assertThat(page.data().experience()).containsExactly(
                new Experience("Sole engineer, reporting engine", "Example", "", "Solo build", ""),
                new Experience("Engineer", "Acme", "2020–2024", "", ""));
        assertThat(page.warnings()).isEmpty();
    }
}
