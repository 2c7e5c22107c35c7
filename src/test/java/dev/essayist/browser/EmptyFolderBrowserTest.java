package dev.essayist.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The application as {@code java -jar} runs it, from a folder that holds only {@code posts/}: no
 * {@code static/}, no {@code ESSAYIST_*} settings, the class path of the jar (main classes and
 * resources, no test classes). The theme comes from the jar, so the home page is styled and its
 * theme toggle works in Chromium, and {@code /favicon.ico} answers.
 */
@ExtendWith(Chromium.Required.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class EmptyFolderBrowserTest {

    private Path folder;
    private Process process;
    private URI base;
    private ChromeDriver chrome;

    @BeforeAll
    void startInAnEmptyFolder() throws Exception {
        folder = TestSite.tempFolder("only-posts");
        Files.createDirectories(folder.resolve("posts"));
        Files.writeString(folder.resolve("posts/2025-01-01-hello.md"), "---\ntitle: Hello\ndate: 2025-01-01\n---\nFirst essay.\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = URI.create("http://localhost:" + port);
        // Surefire's real class path, less the test classes and resources: what the jar holds.
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)).filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder jar = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, "dev.essayist.Application")
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile());
        jar.environment().keySet().removeIf(name -> name.startsWith("ESSAYIST_") || name.startsWith("MICRONAUT_"));
        jar.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        process = jar.start();
        awaitHomePage();
        chrome = Chromium.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (chrome != null) {
            chrome.quit();
        }
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitHomePage() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server running; log: %s", log()).isTrue();
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no home page within a minute; log: " + log());
    }

    private String log() throws IOException {
        return Files.readString(folder.resolve("server.log"));
    }

    private Object js(String script, Object... args) {
        return chrome.executeScript(script, args);
    }

    @Test
    void theHomePageIsStyledByTheThemeFromTheJar() throws IOException {
        chrome.get(base.resolve("/").toString());
        assertThat(chrome.findElements(By.cssSelector(".post-list a, main a"))).extracting(WebElement::getText).contains("Hello");
        assertThat(((Number) js("return document.styleSheets[0].cssRules.length")).intValue()).as("rules of the theme's stylesheet")
                .isGreaterThan(100);
        assertThat(js("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle")).isEqualTo("solid");
        assertThat((String) js("return getComputedStyle(document.body).fontFamily")).contains("Charter");
        assertThat(log()).contains("does not exist: serving the theme from the jar only");
    }

    @Test
    void theThemeToggleWorks() {
        chrome.get(base.resolve("/").toString());
        js("window.localStorage.clear()");
        chrome.navigate().refresh();
        String light = (String) js("return getComputedStyle(document.body).backgroundColor");
        WebElement toggle = chrome.findElement(By.cssSelector(".theme-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        toggle.click();
        assertThat(js("return document.documentElement.dataset.theme")).isEqualTo("dark");
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isNotEqualTo(light);
    }

    @Test
    void theFaviconAndEveryFileOfTheThemeAnswer() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/favicon.ico", "/static/favicon.ico", "/static/css/site.css", "/static/js/site.js",
                "/static/js/code.js", "/static/feed.xsl")) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isNotEmpty();
        }
    }
}
