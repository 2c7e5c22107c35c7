package dev.essayist.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Debian's ChromeDriver, never a browser or driver
 * downloaded at test time (Selenium Manager is switched off and both paths are given).
 *
 * <p>Paths: {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}, else {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}. When they are missing the browser tests are skipped with a
 * message saying how to install them ({@link Required}), except under CI ({@code CI=true}), where
 * they fail.
 */
final class Chromium {

    /**
     * Selenium warns that it has no CDP bindings for this Chromium version; the tests use only raw
     * CDP commands (executeCdpCommand), which need none. Held here so the levels are not lost
     * when java.util.logging drops an unreferenced logger.
     */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium"));

    /** How to get the browser on Debian or Ubuntu. */
    static final String INSTALL = "apt-get install chromium chromium-driver";

    private Chromium() {
    }

    /**
     * Skips a browser test class, with a message saying how to enable it, when Chromium is
     * missing, except under CI, where the class runs and {@link #start()} fails.
     */
    static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (present() || ci()) {
                return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed, or CI=true");
            }
            System.err.println("Browser tests skipped: " + missing());
            return ConditionEvaluationResult.disabled(missing());
        }
    }

    private static Path browser() {
        return Path.of(env("CHROMIUM_BIN", "/usr/bin/chromium"));
    }

    private static Path driver() {
        return Path.of(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    }

    private static boolean present() {
        return Files.isExecutable(browser()) && Files.isExecutable(driver());
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String missing() {
        return "Chromium or ChromeDriver not found at " + browser() + " and " + driver()
                + "; install them with `" + INSTALL + "` (or set CHROMIUM_BIN and CHROMEDRIVER_BIN) to run the browser tests";
    }

    /**
     * @return a new headless Chromium session with a fresh profile; quit it after use
     * @throws AssertionError when Chromium is missing (under CI; elsewhere {@link Required} skips first)
     */
    static ChromeDriver start() {
        if (!present()) {
            Assertions.fail(missing() + ". Under CI (CI=true) the browser tests must run.");
        }
        Path browser = browser();
        Path driver = driver();
        System.setProperty("SE_OFFLINE", "true");
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        // A fresh profile each run, under target/ so that `mvn clean` removes it.
        Path profile = Path.of("target", "chromium-profile").toAbsolutePath();
        try {
            if (Files.exists(profile)) {
                try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a fresh Chromium profile at " + profile, e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--hide-scrollbars", "--force-color-profile=srgb",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /**
     * Makes the page lay out as on a device {@code width} CSS pixels wide.
     *
     * @param chrome a session
     * @param width  viewport width in CSS pixels
     * @param height viewport height in CSS pixels
     */
    static void viewport(ChromeDriver chrome, int width, int height) {
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
