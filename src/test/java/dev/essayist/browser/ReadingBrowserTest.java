package dev.essayist.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.essayist.DemoPages;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo site in a real browser (Debian's headless Chromium, see {@link Chromium}): how it
 * looks (screenshots in {@code target/screenshots/}), that it never scrolls sideways on a phone,
 * that scripts run without console errors, that the table of contents, the theme toggle and
 * search work, that axe-core finds no serious or critical violation on any page type in either
 * theme, that every control is reachable by keyboard, and that scripts move nothing at load.
 */
@ExtendWith(Chromium.Required.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingBrowserTest {

    static final int DESKTOP = 1280;
    static final int PHONE = 390;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    EmbeddedServer server;

    ChromeDriver chrome;
    Map<String, String> pages;

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

    @BeforeEach
    void lightThemeAtDesktopWidth() {
        Chromium.viewport(chrome, DESKTOP, 900);
        open("/");
        chrome.executeScript("window.localStorage.clear()");
    }

    private void open(String path) {
        chrome.get(server.getURI().resolve(path).toString());
    }

    private Object js(String script, Object... args) {
        return chrome.executeScript(script, args);
    }

    @Test
    void savesScreenshotsOfTheIndexAndTheLongestEssay() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] {DESKTOP, PHONE}) {
            for (String page : List.of("index", "essay")) {
                Chromium.viewport(chrome, width, width == PHONE ? 844 : 900);
                open(pages.get(page));
                for (String theme : List.of("light", "dark")) {
                    js("document.documentElement.setAttribute('data-theme', arguments[0]); window.scrollTo(0, 0)", theme);
                    Path top = SCREENSHOTS.resolve(page + "-" + width + "-" + theme + ".png");
                    Files.write(top, chrome.getScreenshotAs(OutputType.BYTES));
                    assertThat(top).isNotEmptyFile();
                }
                if (page.equals("essay")) {
                    js("document.documentElement.setAttribute('data-theme', 'light');"
                            + "document.querySelector('.prose .code-block, .prose pre').scrollIntoView({block: 'start'})");
                    Files.write(SCREENSHOTS.resolve("essay-" + width + "-code.png"), chrome.getScreenshotAs(OutputType.BYTES));
                    js("document.querySelector('.prose table').scrollIntoView({block: 'center'})");
                    Files.write(SCREENSHOTS.resolve("essay-" + width + "-table.png"), chrome.getScreenshotAs(OutputType.BYTES));
                    js("document.querySelector('.essay-footer').scrollIntoView({block: 'end'})");
                    Files.write(SCREENSHOTS.resolve("essay-" + width + "-footer.png"), chrome.getScreenshotAs(OutputType.BYTES));
                }
            }
        }
        Chromium.viewport(chrome, DESKTOP, 900);
        open(pages.get("essay"));
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        Files.write(SCREENSHOTS.resolve("essay-print.png"), chrome.getScreenshotAs(OutputType.BYTES));
        assertThat(chrome.findElement(By.cssSelector(".site-header nav")).isDisplayed()).as("navigation in print").isFalse();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        Chromium.viewport(chrome, PHONE, 844);
        open(pages.get("search"));
        Files.write(SCREENSHOTS.resolve("search-390-light.png"), chrome.getScreenshotAs(OutputType.BYTES));
        assertThat(SCREENSHOTS.resolve("essay-390-light.png")).isNotEmptyFile();
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        Chromium.viewport(chrome, PHONE, 844);
        List<String> overflowing = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            open(page.getValue());
            long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            long clientWidth = ((Number) js("return document.documentElement.clientWidth")).longValue();
            if (scrollWidth > clientWidth) {
                overflowing.add(page.getKey() + " " + scrollWidth + " > " + clientWidth);
            }
        }
        assertThat(overflowing).isEmpty();
    }

    @Test
    void pagesLogNoConsoleError() {
        js("console.error('essayist-probe')");
        assertThat(chrome.manage().logs().get(LogType.BROWSER).getAll()).as("the browser log is read at all")
                .anyMatch(e -> e.getMessage().contains("essayist-probe"));
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            open(page.getValue());
            for (LogEntry entry : chrome.manage().logs().get(LogType.BROWSER)) {
                // The 404 page's own status line is expected; anything else at SEVERE is a fault.
                boolean expected404 = page.getKey().equals("404") && entry.getMessage().contains("404");
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected404) {
                    errors.add(page.getKey() + ": " + entry.getMessage());
                }
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void codeIsHighlightedAndHasACopyButton() {
        open(pages.get("essay"));
        // Blocks are highlighted as they near the viewport (code.js).
        js("document.querySelector('pre code.language-sql').scrollIntoView()");
        new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("pre code.language-sql .hljs-keyword")).isEmpty());
        assertThat(chrome.findElements(By.cssSelector(".code-frame > button.copy-code")))
                .hasSameSizeAs(chrome.findElements(By.cssSelector(".prose pre")));
    }

    @Test
    void tableOfContentsLinksMoveToTheirHeadings() {
        open(pages.get("essay"));
        List<WebElement> links = chrome.findElements(By.cssSelector(".toc a"));
        assertThat(links).hasSizeGreaterThanOrEqualTo(3);
        for (int i : new int[] {links.size() - 1, 0, links.size() / 2}) {
            WebElement link = chrome.findElements(By.cssSelector(".toc a")).get(i);
            String id = link.getAttribute("href").replaceAll(".*#", "");
            link.click();
            new WebDriverWait(chrome, Duration.ofSeconds(5)).until(d -> js("return location.hash").equals("#" + id));
            double top = ((Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().top", id)).doubleValue();
            assertThat(top).as("top of #%s after its TOC link", id).isBetween(-1.0, 120.0);
        }
    }

    @Test
    void themeToggleSwitchesAndPersists() {
        open(pages.get("essay"));
        String lightBackground = background();
        WebElement toggle = chrome.findElement(By.cssSelector(".theme-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        toggle.click();
        assertThat(js("return document.documentElement.dataset.theme")).isEqualTo("dark");
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        String darkBackground = background();
        assertThat(darkBackground).isNotEqualTo(lightBackground);

        open("/archive");
        assertThat(js("return document.documentElement.dataset.theme")).isEqualTo("dark");
        assertThat(background()).isEqualTo(darkBackground);
        chrome.findElement(By.cssSelector(".theme-toggle")).click();
        open("/");
        assertThat(js("return document.documentElement.dataset.theme")).isEqualTo("light");
        assertThat(background()).isEqualTo(lightBackground);
    }

    private String background() {
        return (String) js("return getComputedStyle(document.body).backgroundColor");
    }

    @Test
    void searchFromTheHeaderFindsAnEssayByAWordOfItsBody() {
        open("/");
        WebElement field = chrome.findElement(By.cssSelector(".site-header input[type=search]"));
        field.sendKeys(DemoPages.BODY_WORD, Keys.ENTER);
        new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/search?q="));
        List<WebElement> results = chrome.findElements(By.cssSelector(".search-results h2 a"));
        assertThat(results).extracting(WebElement::getText).contains("What Must Always Be True");
        assertThat(chrome.findElements(By.cssSelector(".search-results .snippet mark")))
                .extracting(e -> e.getText().toLowerCase()).contains(DemoPages.BODY_WORD);
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationInEitherTheme() {
        List<String> violations = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                open(page.getValue());
                js("window.localStorage.setItem('essayist-theme', arguments[0])", theme);
                open(page.getValue());
                assertThat(js("return document.documentElement.dataset.theme")).isEqualTo(theme);
                Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                        .analyze(chrome);
                for (Rule rule : results.getViolations()) {
                    if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                        violations.add(theme + " " + page.getKey() + ": " + rule.getId() + " " + rule.getHelp() + " "
                                + rule.getNodes().stream().map(n -> n.getTarget().toString()).toList());
                    }
                }
                assertThat(results.getPasses()).as("axe ran on %s", page.getKey()).isNotEmpty();
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyControlIsReachableByKeyboardWithVisibleFocus() {
        open(pages.get("essay"));
        new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".copy-code")).isEmpty());
        Actions keys = new Actions(chrome);
        keys.sendKeys(Keys.TAB).perform();
        WebElement first = chrome.switchTo().activeElement();
        assertThat(first.getAttribute("class")).isEqualTo("skip-link");
        assertThat(first.isDisplayed()).isTrue();
        first.sendKeys(Keys.ENTER);
        assertThat(js("return document.activeElement.id")).isEqualTo("main");

        // Every control of the page: header, table of contents, code (scrollable blocks and copy
        // buttons), tables, previous/next. Tab from the top must reach each, with a visible outline.
        open(pages.get("essay"));
        new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".copy-code")).isEmpty());
        @SuppressWarnings("unchecked")
        List<WebElement> controls = (List<WebElement>) js("return Array.from(document.querySelectorAll("
                + "'.site-header a, .site-header input, .site-header button, .toc a, .prose button, .prose [tabindex=\"0\"], .prev-next a'))"
                + ".filter(e => e.offsetParent !== null)");
        Set<WebElement> reached = new LinkedHashSet<>();
        List<String> unfocused = new ArrayList<>();
        int presses = 0;
        while (presses++ < 2000 && reached.size() < controls.size()) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement active = chrome.switchTo().activeElement();
            if (controls.contains(active) && reached.add(active)) {
                String outline = (String) js("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", active);
                if (outline.startsWith("none") || outline.endsWith(" 0px")) {
                    unfocused.add(active.getTagName() + "." + active.getAttribute("class") + " " + outline);
                }
            }
        }
        assertThat(reached).hasSameSizeAs(controls);
        assertThat(unfocused).isEmpty();
    }

    /**
     * No layout shift at load (Lighthouse's cumulative layout shift was 0.19 on a phone when site.js
     * collapsed the table of contents): whatever the scripts do once the page is parsed (open the
     * table of contents, show the theme toggle, add copy buttons, highlight code) moves nothing the
     * reader already sees. The page laid out with scripts off (what is painted before they run) and
     * on must put the header's controls and the essay's text in the same places.
     */
    @Test
    void scriptsMoveNothingOnTheEssayOrTheHomePageOnAPhoneOrADesktop() {
        String positions = "return Array.from(document.querySelectorAll('.site-header .site-title, .site-header input,"
                + " .essay-header h1, .prose > :first-child, .prose > :nth-child(5), .post-list li')).map(e => {"
                + " const r = e.getBoundingClientRect(); return e.tagName + ' ' + Math.round(r.left) + ',' + Math.round(r.top + scrollY); })";
        try {
            for (int width : new int[] {PHONE, DESKTOP}) {
                Chromium.viewport(chrome, width, 844);
                for (String page : List.of(pages.get("essay"), "/")) {
                    chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
                    open(page);
                    Object painted = js(positions);
                    assertThat((List<?>) painted).as("elements found on %s", page).hasSizeGreaterThanOrEqualTo(3);
                    chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
                    open(page);
                    assertThat(js(positions)).as("%s at %d px: positions with scripts", page, width).isEqualTo(painted);
                }
            }
        } finally {
            chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }
}
