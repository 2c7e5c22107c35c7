package dev.essayist.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Fetches every page of a running site that can be reached from a few seed paths by following its
 * internal links ({@code a}, {@code link}, {@code img} and {@code script} in HTML, {@code srcset}
 * candidates, {@code loc} in the sitemap), several requests at a time: each response is handed to
 * a {@link Sink} and its links parsed on the HTTP client's threads, so pages render and files are
 * written on every core. Static files ({@code /static/...}) are not crawled; the export fetches
 * each file of the static folder and of the theme itself. Which links a page holds is {@link PageLinks}.
 */
final class Crawl {

    /** Bound on the crawl: far above any blog, low enough that a bug cannot run forever. */
    static final int MAX_URLS = 100_000;

    /** Longest wait for one response, from the server's start of work to its last byte. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Receives each page that answered 200; called from several threads at once. */
    interface Sink {
        /**
         * @param path the root-relative path fetched, e.g. {@code /posts/x}
         * @param body the response's bytes, exactly as sent
         * @throws IOException if the page cannot be stored
         */
        void accept(String path, byte[] body) throws IOException;
    }

    /**
     * What the crawl found besides the pages it handed to the sink.
     *
     * @param redirects   paths that answered a redirect, with their {@code Location}
     * @param unreachable paths that answered neither 200 nor a redirect, with their status
     */
    record Outcome(SortedMap<String, String> redirects, SortedMap<String, Integer> unreachable) {
    }

    private record Fetched(String path, HttpResponse<byte[]> response, List<String> links) {
    }

    private final URI server;
    private final PageLinks links;
    private final int parallelism;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * @param server      the running server, e.g. {@code http://127.0.0.1:PORT}
     * @param baseUrl     the site's base URL without trailing slash; its absolute links count as internal
     * @param parallelism requests in flight at once
     */
    Crawl(URI server, String baseUrl, int parallelism) {
        this.server = server;
        this.links = new PageLinks(server, baseUrl);
        this.parallelism = parallelism;
    }

    /**
     * @param seeds root-relative paths to start from
     * @param sink  receives every page that answered 200
     * @return the redirects and the paths that did not answer 200
     * @throws IOException if the server cannot be reached, a response takes longer than a minute,
     *                     or the sink fails
     */
    Outcome run(Collection<String> seeds, Sink sink) throws IOException {
        Deque<String> queue = new ArrayDeque<>(new TreeSet<>(seeds));
        Set<String> seen = new HashSet<>(queue);
        BlockingQueue<Object> done = new LinkedBlockingQueue<>();
        SortedMap<String, String> redirects = new TreeMap<>();
        SortedMap<String, Integer> unreachable = new TreeMap<>();
        int inFlight = 0;
        while (!queue.isEmpty() || inFlight > 0) {
            while (inFlight < parallelism && !queue.isEmpty()) {
                String path = queue.poll();
                inFlight++;
                fetch(path, sink).whenComplete((fetched, failure) -> done.add(failure != null ? failure : fetched));
            }
            Object next = take(done);
            inFlight--;
            if (next instanceof Throwable failure) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                throw cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
            }
            Fetched fetched = (Fetched) next;
            int status = fetched.response().statusCode();
            Optional<String> location = fetched.response().headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                redirects.put(fetched.path(), location.get());
                links.internal(location.get()).filter(seen::add).ifPresent(queue::add);
            } else if (status != 200) {
                unreachable.put(fetched.path(), status);
            }
            for (String link : fetched.links()) {
                if (seen.add(link)) {
                    queue.add(link);
                }
            }
            if (seen.size() > MAX_URLS) {
                throw new IllegalStateException("more than " + MAX_URLS + " URLs; stopping");
            }
        }
        return new Outcome(redirects, unreachable);
    }

    /**
     * @param path a root-relative path
     * @return its response, fetched alone
     * @throws IOException if the server cannot be reached
     */
    HttpResponse<byte[]> get(String path) throws IOException {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + path, e);
        }
    }

    private CompletableFuture<Fetched> fetch(String path, Sink sink) {
        return http.sendAsync(request(path), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                return new Fetched(path, response, List.of());
            }
            try {
                sink.accept(path, response.body());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
            return new Fetched(path, response, links.of(path, response.headers().firstValue("Content-Type").orElse(""),
                    response.body()));
        });
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/$", "") + path))
                .timeout(TIMEOUT).header("Accept", "*/*").build();
    }

    private static Object take(BlockingQueue<Object> done) throws IOException {
        try {
            Object next = done.poll(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            if (next == null) {
                throw new IOException("no response from the server for " + TIMEOUT.toSeconds() + " s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while crawling", e);
        }
    }
}
