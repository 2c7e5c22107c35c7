package dev.essayist.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.InlineSite;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The header links to the about page exactly while {@code posts/pages/about.md} is published. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AboutNavigationTest extends InlineSite {

    @Override
    public Map<String, String> getProperties() {
        site.post("2025-01-01-first.md", "title: First\ndate: 2025-01-01\n", "The first essay.\n");
        return site.properties();
    }

    private List<String> header() {
        return http().html("/archive").select("header nav a").eachAttr("href");
    }

    @Test
    void theHeaderLinksToTheAboutPageExactlyWhileItExists() {
        assertThat(header()).containsExactly("/archive", "/tags", "/feed.xml");
        site.write("pages/about.md", "---\ntitle: About\n---\nWho writes here.\n");
        indexer.reindex();
        assertThat(header()).containsExactly("/archive", "/tags", "/about", "/feed.xml");
        site.delete("pages/about.md");
        indexer.reindex();
        assertThat(header()).doesNotContain("/about");
    }
}
