package dev.essayist.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.DemoPages;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * No layout shift at load (Lighthouse's cumulative layout shift, 0.19 on a phone before the TOC
 * was sent collapsed): whatever the scripts do once the page is parsed (open the table of
 * contents, show the theme toggle, add copy buttons, highlight code) moves nothing the reader
 * already sees. Checked by laying the page out with scripts off (what is painted before they
 * run) and on, and comparing where the essay's text and the header's controls are.
 */
@ExtendWith(Chromium.Required.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutStabilityBrowserTest {

    private static final String POSITIONS = "return Array.from(document.querySelectorAll("
            + "'.site-header .site-title, .site-header input, .prose > :first-child, .prose > :nth-child(5), .essay-header h1, .post-list li'))"
            + ".map(e => { const r = e.getBoundingClientRect(); return e.tagName + ' ' + Math.round(r.left) + ',' + Math.round(r.top + scrollY); })";

    @Inject
    EmbeddedServer server;

    private ChromeDriver chrome;
    private Map<String, String> pages;

    @BeforeAll
    void startBrowser() {
        chrome = Chromium.start();
        pages = DemoPages.of(new Http(server.getURI()));
    }

    @AfterAll
    void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> positions(String path, boolean scripts) {
        chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !scripts));
        chrome.get(server.getURI().resolve(path).toString());
        return (List<String>) chrome.executeScript(POSITIONS);
    }

    @Test
    void scriptsMoveNothingOnTheEssayOrTheHomePageOnAPhoneOrADesktop() {
        for (int width : new int[] {390, 1280}) {
            Chromium.viewport(chrome, width, 844);
            for (String page : List.of(pages.get("essay"), "/")) {
                List<String> painted = positions(page, false);
                assertThat(painted).as("elements found on %s", page).hasSizeGreaterThanOrEqualTo(3);
                assertThat(positions(page, true)).as("%s at %d px: positions with scripts", page, width).isEqualTo(painted);
            }
        }
        chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }
}
