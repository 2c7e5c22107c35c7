package dev.essayist.cache;

import dev.essayist.TestSite.Http;

/** Reads the server's {@code /prometheus} page, for tests that count renders and hits. */
final class Prometheus {

    private Prometheus() {
    }

    /**
     * @param http a client of the server
     * @param name a metric's exposed name, e.g. {@code essayist_page_cache_fills_total}
     * @return the sum of its samples over every tag set; 0 when it is not exposed
     */
    static double sum(Http http, String name) {
        return http.get("/prometheus").body().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * @param http a client of the server
     * @param name a metric's exposed name
     * @return whether any sample of it is exposed
     */
    static boolean exposes(Http http, String name) {
        return http.get("/prometheus").body().lines().anyMatch(l -> l.startsWith(name + " ") || l.startsWith(name + "{"));
    }
}
