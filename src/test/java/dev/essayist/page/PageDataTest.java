package dev.essayist.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.page.PageData.PageLink;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageDataTest {

    @Test
    void dropsStoredLinksThePolicyRefuses() {
        PageData stored = new PageData(List.of(), List.of(new PageLink("Code", "https://example.com/code"),
                new PageLink("Script", "javascript:alert(44)"), new PageLink("Tab", "java\tscript:alert(1)"),
                new PageLink("Archive", "/archive")));
        assertThat(stored.withAllowedLinks().links()).extracting(PageLink::label).containsExactly("Code", "Archive");
    }
}
