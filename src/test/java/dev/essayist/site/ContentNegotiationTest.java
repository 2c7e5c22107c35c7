package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every route answers whatever the request's {@code Accept} says. A feed reader that asks only for
 * {@code application/atom+xml}, or a script that asks only for {@code text/html}, gets the
 * resource's one representation rather than a 406: RFC 9110 §12.5.1 lets an origin server
 * disregard {@code Accept} and send its default representation, which is what nginx serving files
 * does too.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentNegotiationTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @ParameterizedTest(name = "{0} with Accept: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /                 | text/html                          | text/html
            /page/2           | application/json                   | text/html
            /posts/beta       | text/html                          | text/html
            /posts/beta       | application/json                   | text/html
            /tags/postgresql  | text/html                          | text/html
            /tags             | text/html                          | text/html
            /archive          | text/html                          | text/html
            /about            | text/html                          | text/html
            /search?q=beta    | text/html                          | text/html
            /feed.xml         | application/rss+xml                | application/rss+xml
            /feed.xml         | application/rss+xml, application/atom+xml | application/rss+xml
            /atom.xml         | application/atom+xml               | application/atom+xml
            /atom.xml         | application/xml                    | application/atom+xml
            /feed.json        | application/feed+json              | application/feed+json
            /feed.json        | application/json                   | application/feed+json
            /tags/postgresql/feed.xml | application/rss+xml        | application/rss+xml
            /sitemap.xml      | application/xml                    | application/xml
            /robots.txt       | text/plain                         | text/plain
            """)
    void answersWhateverTheAcceptHeaderAsksFor(String path, String accept, String type) {
        HttpResponse<String> response = new Http(server.getURI()).get(path, "Accept", accept);
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(type));
    }

    @ParameterizedTest(name = "{0} with Accept: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /posts/no-such-essay | text/html
            /posts/no-such-essay | application/json
            /tags/no-such-tag   | application/rss+xml
            """)
    void errorPagesAreHtmlWhateverTheAcceptHeader(String path, String accept) {
        HttpResponse<String> response = new Http(server.getURI()).get(path, "Accept", accept);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }
}
