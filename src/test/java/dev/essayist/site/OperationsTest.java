package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What an operator sees: health, Prometheus metrics, request ids. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    @Test
    void healthLivenessAndReadinessAreUp() throws Exception {
        Http http = new Http(server.getURI());
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = json.readValue(health.body(), JsonNode.class);
        assertThat(body.get("status").getStringValue()).isEqualTo("UP");
        // An in-memory index is written before the server starts: nothing to catch up with.
        assertThat(body.get("details").get("content").get("details").get("catchingUp").getBooleanValue()).isFalse();
        assertThat(http.get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndMetricsAnswerWhateverTheProbeAccepts() {
        Http http = new Http(server.getURI());
        // curl and most probes send */*, a browser text/html first: the essays' catch-all route
        // (which produces anything) must not take these paths.
        for (String accept : new String[] {"*/*", "text/html,application/xhtml+xml,*/*;q=0.8"}) {
            for (String path : new String[] {"/health", "/health/liveness", "/health/readiness", "/prometheus"}) {
                HttpResponse<String> response = http.get(path, "Accept", accept);
                assertThat(response.statusCode()).as(accept + " " + path).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(accept + " " + path).get().asString()
                        .doesNotStartWith("text/html");
            }
        }
    }

    @Test
    void prometheusExposesRequestsPerRouteIndexSizeProblemsAndReindexTime() {
        Http http = new Http(server.getURI());
        http.get("/posts/alpha");
        http.get("/posts/beta");
        http.get("/posts/alpha"); // answered from the response cache
        String metrics = http.get("/prometheus").body();
        assertThat(metrics.lines())
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("uri=\"/{+path")
                        && l.contains("status=\"200\""))
                // five posts: three published, one draft, one scheduled; the broken file is not indexed
                .anyMatch(l -> l.startsWith("essayist_index_posts ") && l.endsWith(" 5.0"))
                .anyMatch(l -> l.equals("essayist_content_problems{severity=\"error\"} 1.0"))
                .anyMatch(l -> l.startsWith("essayist_reindex_seconds_count"))
                .anyMatch(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"pages\"") && l.contains("result=\"hit\""));
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneOneIsKept() {
        Http http = new Http(server.getURI());
        assertThat(http.get("/posts/alpha", "X-Request-Id", "edge-42").headers().firstValue("X-Request-Id"))
                .hasValue("edge-42");
        assertThat(http.get("/nope").headers().firstValue("X-Request-Id")).isPresent().get().asString()
                .matches("[0-9a-f-]{36}");
        assertThat(http.get("/", "X-Request-Id", "bad id with spaces <script>").headers().firstValue("X-Request-Id"))
                .isPresent().get().asString().matches("[0-9a-f-]{36}");
    }
}
