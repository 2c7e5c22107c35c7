package dev.essayist.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.RawHttp;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With {@code essayist.cache.enabled=false} there is no cache at all: every request is rendered. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheDisabledTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("essayist.cache.enabled", "false");
        return props;
    }

    @Test
    void noFilterAndNoPipelineHandlerExist() {
        assertThat(context.findBean(PageCache.class)).isEmpty();
        assertThat(context.findBean(PageCacheFilter.class)).isEmpty();
        assertThat(context.findBean(CachedPagePipeline.class)).isEmpty();
    }

    @Test
    void everyRequestIsRenderedOnEitherPath() {
        RawHttp raw = new RawHttp(server.getURI());
        Http http = new Http(server.getURI());
        for (int i = 1; i <= 3; i++) {
            retitle("Alpha, take " + i);
            // A plain HTTP/1.1 GET (which the Netty handler would answer) and the JDK client's
            // (which Micronaut's filter chain would) both see each edit.
            assertThat(Jsoup.parse(raw.get("/posts/alpha").body()).select("h1").text()).isEqualTo("Alpha, take " + i);
            assertThat(http.html("/posts/alpha").select("h1").text()).isEqualTo("Alpha, take " + i);
        }
        assertThat(Prometheus.exposes(http, "essayist_page_cache_fills_total")).isFalse();
        assertThat(Prometheus.exposes(http, "cache_gets_total")).isFalse();
    }

    private void retitle(String title) {
        tx.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE post SET title = ? WHERE slug = 'alpha'")) {
                update.setString(1, title);
                return update.executeUpdate();
            }
        });
    }
}
