package dev.essayist.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.essayist.TestSite;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A post moved from Jekyll and one moved from Hugo ({@code engines/*-body.md}, written from the
 * engines' documentation) in a real browser: a reader sees no Liquid tag or shortcode outside code,
 * the embeds load nothing from another site, the pages fit a phone, axe finds no serious or critical
 * violation in either theme, and screenshots land in {@code target/screenshots/moved-*.png}.
 */
@ExtendWith(Chromium.Required.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovedPostsBrowserTest implements TestPropertyProvider {

    private static final List<String> POSTS = List.of("/posts/from-jekyll", "/posts/from-hugo");

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    private ChromeDriver chrome;

    MovedPostsBrowserTest() {
        try {
            site.post("2024-01-02-from-jekyll.md", "title: From Jekyll\ndate: 2024-01-02", body("jekyll-body.md"));
            site.post("2024-01-03-from-hugo.md", "title: From Hugo\ndate: 2024-01-03", body("hugo-body.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(String name) throws IOException {
        try (InputStream in = MovedPostsBrowserTest.class.getResourceAsStream("/engines/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return site.properties();
    }

    @BeforeAll
    void startBrowser() {
        chrome = Chromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    private void open(String path, int width, String theme) {
        Chromium.viewport(chrome, width, 900);
        chrome.get(server.getURI().resolve(path).toString());
        chrome.executeScript("window.localStorage.setItem('essayist-theme', arguments[0])", theme);
        chrome.navigate().refresh();
    }

    @Test
    void readersSeeNoEngineSyntaxAndNothingLoadsFromOtherSites() {
        for (String path : POSTS) {
            open(path, ReadingBrowserTest.DESKTOP, "light");
            String prose = (String) chrome.executeScript("var copy = document.querySelector('.prose').cloneNode(true);"
                    + "copy.querySelectorAll('pre, code').forEach(function (c) { c.remove(); }); return copy.innerText;");
            assertThat(prose.replace("{{< figure src=\"/a.png\" >}}", "")).as(path).doesNotContain("{%", "%}", "{{<", "{{%", ">}}", "{:");
            assertThat(chrome.executeScript("return performance.getEntriesByType('resource')"
                    + ".map(function (r) { return new URL(r.name).origin; })"
                    + ".filter(function (o) { return o !== location.origin; })")).as(path).asList().isEmpty();
        }
    }

    @Test
    void postsFitAPhoneAndPassAxeInBothThemes() throws IOException {
        Files.createDirectories(WritingBrowserTest.SCREENSHOTS);
        List<String> problems = new ArrayList<>();
        for (String path : POSTS) {
            for (String theme : List.of("light", "dark")) {
                open(path, ReadingBrowserTest.PHONE, theme);
                long scrollWidth = ((Number) chrome.executeScript("return document.documentElement.scrollWidth")).longValue();
                long clientWidth = ((Number) chrome.executeScript("return document.documentElement.clientWidth")).longValue();
                if (scrollWidth > clientWidth) {
                    problems.add(path + " " + theme + ": scrolls sideways on a phone");
                }
                chrome.executeScript("document.querySelector('.embed, pre').scrollIntoView({block: 'center'})");
                Files.write(WritingBrowserTest.SCREENSHOTS.resolve("moved" + path.replace('/', '-') + "-" + theme + ".png"),
                        chrome.getScreenshotAs(OutputType.BYTES));
                Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(chrome);
                for (Rule rule : results.getViolations()) {
                    if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                        problems.add(path + " " + theme + ": " + rule.getId() + " "
                                + rule.getNodes().stream().map(n -> n.getTarget().toString()).toList());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
