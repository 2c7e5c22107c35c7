package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** While the index cannot be read (opening, rebuilding), {@code /search} answers an ordinary page that says so. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAvailabilityTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    SearchIndex index;

    @Test
    void aSearchWhileTheIndexIsBusyOpeningGetsAnUncachedOrdinaryPage() {
        Http http = new Http(server.getURI());
        index.discard(); // closed: the next search opens it, in the background
        HttpResponse<String> busy;
        synchronized (index) { // as a long rebuild would, holds the index until the search gives up waiting
            busy = http.get("/search?q=alpha");
        }
        assertThat(busy.statusCode()).isEqualTo(200);
        assertThat(busy.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document page = Jsoup.parse(busy.body());
        assertThat(page.selectFirst("[role=status]").text()).isEqualTo("Search is being prepared; try again in a few seconds.");
        assertThat(page.select(".search-results")).isEmpty();

        Document ready = http.html("/search?q=alpha");
        assertThat(ready.select(".search-results h2 a").eachText()).containsExactly("Alpha & Omega", "Beta");
    }
}
