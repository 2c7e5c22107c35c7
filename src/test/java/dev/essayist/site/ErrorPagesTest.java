package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    /** Renders a template that includes a partial that does not exist. */
    @Requires(env = "test")
    @Controller("/test")
    static class BrokenTemplateController {
        private final PageRenderer renderer;

        BrokenTemplateController(PageRenderer renderer) {
            this.renderer = renderer;
        }

        @Get("/broken-template")
        MutableHttpResponse<?> broken(HttpRequest<?> request) {
            return HttpCaching.send(request, renderer.html("test/broken", Head.of("Broken", "", "/test/broken-template"),
                    "nothing", Instant.EPOCH));
        }
    }

    @Test
    @Timeout(20)
    void templateErrorAnswersA500PageInsteadOfHanging() {
        HttpResponse<String> response = new Http(server.getURI()).get("/test/broken-template");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Something went wrong");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("no-such-partial")
                .doesNotContain("dev.essayist").doesNotContain("at com.github");
    }

    @Test
    void errorLogLineCarriesTheRequestId() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ErrorPages.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            new Http(server.getURI()).get("/test/broken-template", "X-Request-Id", "trace-500");
            assertThat(appender.list).anySatisfy(event -> {
                assertThat(event.getLevel().toString()).isEqualTo("ERROR");
                assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "trace-500");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void unsupportedMethodAnswersAnHtmlErrorPage() {
        HttpResponse<String> response = new Http(server.getURI()).send("DELETE", "/posts/alpha");
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1")).isNotNull();
    }
}
