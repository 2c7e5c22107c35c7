package dev.essayist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The process as an operator runs it: {@code Application.main} in a child JVM on a loopback port.
 * A missing or unreadable posts folder ends the start with one clear line and a non-zero exit;
 * SIGTERM lets a request in flight finish before the process ends.
 */
class ApplicationTest {

    private final TestSite site = TestSite.create();
    private final List<String> output = new ArrayList<>();
    private Process process;
    private Thread reader;

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** Starts the application on {@code port} with the given posts folder and extra JVM options. */
    private void start(Path posts, int port, String... jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire runs tests from a manifest-only jar; its real test class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // C1 only and the serial collector: a child that lives seconds starts faster without C2 and G1.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath));
        command.addAll(List.of(jvmOptions));
        command.add("dev.essayist.Application");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ESSAYIST_POSTS_DIR", posts.toString());
        builder.environment().put("ESSAYIST_STATIC_DIR", site.statics().toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("MICRONAUT_SERVER_HOST", "localhost");
        process = builder.start();
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                        output.notifyAll();
                    }
                }
            } catch (IOException e) {
                // Stopping the process closes its output under this reader ("Stream closed"): that
                // ends the output. Anything else is kept with the output, which failures print.
                synchronized (output) {
                    output.add(process.isAlive() ? "[output unreadable: " + e + "]" : "[output closed: " + e + "]");
                    output.notifyAll();
                }
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private void awaitLine(String text, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (output) {
            while (output.stream().noneMatch(l -> l.contains(text))) {
                long left = deadline - System.currentTimeMillis();
                assertThat(left).as("'%s' in the output: %s", text, output).isPositive();
                output.wait(left);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void assertFailsToStartWithOneLine(Path posts) throws Exception {
        start(posts, freePort());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
        assertThat(process.exitValue()).isNotZero();
        reader.join(5_000); // the output ends with the process
        List<String> lines = output();
        assertThat(lines.stream().filter(l -> l.contains("ERROR"))).as("%s", lines).singleElement().asString()
                .contains("Cannot start", posts.toString());
        assertThat(lines).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
    }

    @Test
    @Timeout(90)
    void missingPostsFolderStopsTheStartWithOneClearLine() throws Exception {
        Path missing = site.posts().resolveSibling("no-such-posts");
        assertFailsToStartWithOneLine(missing);
        assertThat(output()).anyMatch(l -> l.contains("does not exist") && l.contains("ESSAYIST_POSTS_DIR"));
    }

    @Test
    @Timeout(90)
    void unreadablePostsFolderStopsTheStartWithOneClearLine() throws Exception {
        Path locked = Files.createDirectories(site.posts().resolveSibling("locked-posts"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(locked)).as("permissions apply (not running as root)").isFalse();
            assertFailsToStartWithOneLine(locked);
            assertThat(output()).anyMatch(l -> l.contains("cannot list"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    @Timeout(120)
    void sigtermLetsARequestInFlightFinish() throws Exception {
        site.post("2025-01-01-one.md", "title: One\ndate: 2025-01-01", "Body.\n");
        int port = freePort();
        start(site.posts(), port, "-Dessayist.test.slow-route=true");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI base = URI.create("http://localhost:" + port);
        awaitReady(client, base);

        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(base.resolve("/test/slow")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitLine(SlowController.STARTED, 20_000);
        process.destroy(); // SIGTERM

        HttpResponse<String> response = slow.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process ended after SIGTERM").isTrue();
    }

    private void awaitReady(HttpClient client, URI base) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("process alive; output: %s", output()).isTrue();
            try {
                HttpResponse<String> home = client.send(HttpRequest.newBuilder(base.resolve("/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (home.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server not up within a minute; output: " + output());
    }
}
