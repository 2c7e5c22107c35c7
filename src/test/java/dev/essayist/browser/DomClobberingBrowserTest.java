package dev.essayist.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.MarkdownRenderer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A body full of ids and names chosen to clobber the DOM, rendered and then read by Chromium: the
 * lookups scripts make still find what they expect, while the author's ids are there under their
 * own names ({@code content.render.AuthorIds}). The same markup unsanitised does clobber them, so
 * the check can fail; and an id named after a property that exists ({@code addEventListener},
 * {@code toString}) shadows nothing even then, which is why such ids may keep their names.
 */
@ExtendWith(Chromium.Required.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomClobberingBrowserTest {

    private static final String HOSTILE = "<a id=\"location\"></a><a id=\"addEventListener\"></a><span id=\"toString\"></span>"
            + "<div id=\"hljs\"></div><p id=\"hasOwnProperty\">x</p><a id=\"f1\"></a>"
            + "<img name=\"getElementById\" src=\"/x.png\" alt=\"\"><form name=\"body\"><input name=\"q\"></form>"
            + "<img id=\"querySelector\" name=\"x\" src=\"/y.png\" alt=\"\"><object name=\"forms\"></object>"
            + "<embed name=\"createElement\">\n\n## Dispatch Event {#dispatchEvent}\n";

    /** What the site's scripts rely on, as one value per lookup. */
    private static final String LOOKUPS = "return {"
            + "addEventListener: typeof window.addEventListener, toString: typeof window.toString,"
            + "hasOwnProperty: typeof window.hasOwnProperty, dispatchEvent: typeof window.dispatchEvent,"
            + "hljs: typeof window.hljs, location: String(window.location instanceof Location),"
            + "getElementById: typeof document.getElementById, querySelector: typeof document.querySelector,"
            + "createElement: typeof document.createElement, body: String(document.body instanceof HTMLBodyElement),"
            + "forms: String(document.forms instanceof HTMLCollection)}";

    private ChromeDriver chrome;

    @BeforeAll
    void start() {
        chrome = Chromium.start();
    }

    @AfterAll
    void stop() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lookupsWith(String bodyHtml) {
        chrome.get("about:blank");
        chrome.executeScript("document.body.innerHTML = arguments[0]", bodyHtml);
        return (Map<String, Object>) chrome.executeScript(LOOKUPS);
    }

    @Test
    void unsanitisedTheMarkupClobbersTheLookups() {
        Map<String, Object> clobbered = lookupsWith(HOSTILE.substring(0, HOSTILE.indexOf('\n')));
        assertThat(clobbered).containsEntry("hljs", "object").containsEntry("getElementById", "object")
                .containsEntry("querySelector", "object").containsEntry("createElement", "object")
                .containsEntry("body", "false").containsEntry("forms", "false");
        assertThat(clobbered).containsEntry("addEventListener", "function").containsEntry("toString", "function")
                .containsEntry("hasOwnProperty", "function").containsEntry("location", "true");
    }

    @Test
    void renderedTheBodyClobbersNothingAndKeepsTheAuthorsIds() {
        String html = new MarkdownRenderer().render(HOSTILE).html();
        Map<String, Object> lookups = lookupsWith(html);
        assertThat(lookups).containsEntry("addEventListener", "function").containsEntry("toString", "function")
                .containsEntry("hasOwnProperty", "function").containsEntry("dispatchEvent", "function")
                .containsEntry("hljs", "undefined").containsEntry("location", "true")
                .containsEntry("getElementById", "function").containsEntry("querySelector", "function")
                .containsEntry("createElement", "function").containsEntry("body", "true").containsEntry("forms", "true");
        assertThat(chrome.executeScript("return ['f1', 'location', 'addEventListener', 'toString', 'dispatchEvent', 'user-content-hljs']"
                + ".map(function (id) { return document.getElementById(id) !== null; })")).asList().containsOnly(true);
    }
}
