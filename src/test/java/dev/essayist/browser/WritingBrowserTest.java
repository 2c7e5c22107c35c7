package dev.essayist.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.essayist.WritingFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The essay that uses every technical-writing feature, in a real browser, in preview mode with
 * the file watcher on: screenshots of each feature at 1280 and 390 pixels in both themes
 * ({@code target/screenshots/writing-*.png}), diagrams painted in the theme's colours, sidenotes
 * in the margin on a wide screen and not on a phone, no sideways scrolling on a phone, no serious
 * or critical axe violation in either theme, and a page that reloads itself after its file is saved.
 */
@ExtendWith(Chromium.Required.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritingBrowserTest extends WritingFixture {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    ChromeDriver chrome;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("essayist.preview", "true");
        props.put("micronaut.io.watch.enabled", "true");
        props.put("micronaut.io.watch.paths", site.posts().toString());
        return props;
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

    private void open(int width, String theme) {
        Chromium.viewport(chrome, width, width == ReadingBrowserTest.PHONE ? 844 : 900);
        chrome.get(server.getURI().resolve(ESSAY).toString());
        js("window.localStorage.setItem('essayist-theme', arguments[0])", theme);
        chrome.navigate().refresh();
        assertThat(js("return document.documentElement.dataset.theme")).isEqualTo(theme);
    }

    private Object js(String script, Object... args) {
        return chrome.executeScript(script, args);
    }

    @Test
    void savesScreenshotsOfEachFeatureAtBothWidthsInBothThemes() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Map<String, String> features = Map.of("diagram", "figure.diagram", "callouts", ".callout-note",
                "math", "math[display=block]", "figure", "figure.figure", "state", "figure.diagram:nth-of-type(2)");
        for (int width : new int[] {ReadingBrowserTest.DESKTOP, ReadingBrowserTest.PHONE}) {
            for (String theme : List.of("light", "dark")) {
                open(width, theme);
                Files.write(SCREENSHOTS.resolve("writing-" + width + "-" + theme + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
                for (Map.Entry<String, String> feature : features.entrySet()) {
                    js("document.querySelectorAll(arguments[0])[arguments[1]].scrollIntoView({block: 'center'})",
                            feature.getValue().replace(":nth-of-type(2)", ""), feature.getKey().equals("state") ? 1 : 0);
                    Path shot = SCREENSHOTS.resolve("writing-" + width + "-" + theme + "-" + feature.getKey() + ".png");
                    Files.write(shot, chrome.getScreenshotAs(OutputType.BYTES));
                    assertThat(shot).isNotEmptyFile();
                }
            }
        }
    }

    @Test
    void diagramsFollowTheTheme() {
        List<String> text = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            open(ReadingBrowserTest.DESKTOP, theme);
            text.add((String) js("return getComputedStyle(document.querySelector('figure.diagram text.d-text')).fill"));
            assertThat(js("return getComputedStyle(document.querySelector('figure.diagram .d-bg')).fill"))
                    .isEqualTo(js("return getComputedStyle(document.body).backgroundColor"));
            assertThat(js("return getComputedStyle(document.querySelector('figure.diagram text.d-text')).fill"))
                    .isEqualTo(js("return getComputedStyle(document.body).color"));
        }
        assertThat(text.get(0)).isNotEqualTo(text.get(1));
    }

    @Test
    void sidenotesSitInTheMarginOnAWideScreenOnly() {
        open(ReadingBrowserTest.DESKTOP, "light");
        WebElement note = chrome.findElement(By.cssSelector(".sidenote"));
        WebElement prose = chrome.findElement(By.cssSelector(".prose"));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getRect().getX()).isGreaterThanOrEqualTo(prose.getRect().getX() + prose.getRect().getWidth());
        WebElement reference = chrome.findElement(By.cssSelector("sup a.footnote-ref"));
        assertThat(Math.abs(note.getRect().getY() - reference.getRect().getY())).isLessThan(40);

        open(ReadingBrowserTest.PHONE, "light");
        assertThat(chrome.findElement(By.cssSelector(".sidenote")).isDisplayed()).isFalse();
        assertThat(chrome.findElement(By.cssSelector(".footnotes")).isDisplayed()).isTrue();
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) js("return document.documentElement.clientWidth")).longValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(clientWidth);
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationInEitherTheme() {
        List<String> violations = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            open(ReadingBrowserTest.DESKTOP, theme);
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                    .analyze(chrome);
            for (Rule rule : results.getViolations()) {
                if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                    violations.add(theme + ": " + rule.getId() + " " + rule.getHelp() + " "
                            + rule.getNodes().stream().map(n -> n.getTarget().toString()).toList());
                }
            }
            assertThat(results.getPasses()).isNotEmpty();
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void openPageReloadsItselfAfterItsFileIsSaved() throws IOException {
        open(ReadingBrowserTest.DESKTOP, "light");
        js("window.essayistBeforeSave = true");
        new WebDriverWait(chrome, Duration.ofSeconds(5)).until(d -> "ready".equals(js(
                "return document.documentElement.getAttribute('data-live-reload')")));
        Path file = site.posts().resolve(FILE);
        long saved = System.nanoTime();
        Files.writeString(file, Files.readString(file) + "\nA paragraph added after the page was opened.\n");
        new WebDriverWait(chrome, Duration.ofSeconds(15)).until(d -> js("return window.essayistBeforeSave") == null
                && d.getPageSource().contains("A paragraph added after the page was opened."));
        System.out.printf("live reload: page showed the saved text %d ms after the save%n", (System.nanoTime() - saved) / 1_000_000);
    }
}
