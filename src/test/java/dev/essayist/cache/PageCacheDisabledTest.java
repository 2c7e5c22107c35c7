package dev.essayist.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.TestSite.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With {@code essayist.cache.enabled=false} there is no cache at all: every request is rendered. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheDisabledTest extends CacheSiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Override
    Map<String, String> settings() {
        return Map.of("essayist.cache.enabled", "false");
    }

    @Test
    void noCacheFilterOrPipelineHandlerExists() {
        assertThat(context.findBean(PageCache.class)).isEmpty();
        assertThat(context.findBean(PageCacheFilter.class)).isEmpty();
        assertThat(context.findBean(CachedPagePipeline.class)).isEmpty();
    }

    @Test
    void everyRequestIsRenderedOnEitherPath() {
        RawHttp raw = new RawHttp(server.getURI());
        Http http = new Http(server.getURI());
        for (int i = 1; i <= 3; i++) {
            sql("UPDATE post SET title = ? WHERE slug = 'alpha'", "Alpha, take " + i);
            // A plain HTTP/1.1 GET (which the Netty handler would answer) and the JDK client's
            // (which Micronaut's filter chain would) both see each edit.
            assertThat(Jsoup.parse(raw.get("/posts/alpha").body()).select("h1").text()).isEqualTo("Alpha, take " + i);
            assertThat(http.html("/posts/alpha").select("h1").text()).isEqualTo("Alpha, take " + i);
        }
        assertThat(Prometheus.exposes(http, "essayist_page_cache_fills_total")).isFalse();
        assertThat(Prometheus.exposes(http, "cache_gets_total")).isFalse();
    }
}
