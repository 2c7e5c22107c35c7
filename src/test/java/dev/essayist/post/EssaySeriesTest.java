package dev.essayist.post;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite.Http;
import dev.essayist.series.SeriesSite;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The series navigation on an essay: its place, the parts in reading order, the parts around it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EssaySeriesTest extends SeriesSite {

    @Inject
    EmbeddedServer server;

    private Document essay(String path) {
        return new Http(server.getURI()).html(path);
    }

    @Test
    void essayShowsItsPlaceAndEveryPublishedPartInReadingOrder() {
        Element nav = essay("/posts/policies").selectFirst("nav.series-nav");
        assertThat(nav.attr("aria-label")).isEqualTo("Parts of the series Multi-tenant PostgreSQL");
        // Three published parts: the draft, the scheduled and the expired one do not count.
        assertThat(nav.selectFirst(".series-place").text()).isEqualTo("Part 2 of 3 in Multi-tenant PostgreSQL");
        assertThat(nav.selectFirst(".series-place a").attr("href")).isEqualTo("/series/multi-tenant-postgresql");
        // series_order first (Settings 1, Policies 2), then the part without one, though it is the oldest.
        assertThat(nav.select(".series-parts li")).extracting(Element::text)
                .containsExactly("Settings", "Policies", "Tables first");
        assertThat(nav.select(".series-parts a").eachAttr("href")).containsExactly("/posts/settings", "/posts/tables");
        assertThat(nav.select(".series-parts [aria-current=page]")).extracting(Element::text).containsExactly("Policies");
    }

    @Test
    void partLinksToThePartsBeforeAndAfterIt() {
        Element steps = essay("/posts/policies").selectFirst("nav.series-steps");
        assertThat(steps.attr("aria-label")).isEqualTo("Previous and next parts of the series Multi-tenant PostgreSQL");
        assertThat(steps.selectFirst("a.older").attr("href")).isEqualTo("/posts/settings");
        assertThat(steps.selectFirst("a.older span").text()).isEqualTo("Previous part (1 of 3)");
        assertThat(steps.selectFirst("a.older").ownText()).isEqualTo("Settings");
        assertThat(steps.selectFirst("a.newer").attr("href")).isEqualTo("/posts/tables");
        assertThat(steps.selectFirst("a.newer span").text()).isEqualTo("Next part (3 of 3)");
        assertThat(steps.selectFirst("a.newer").ownText()).isEqualTo("Tables first");
    }

    @Test
    void firstPartHasNoPreviousAndLastPartNoNext() {
        Document first = essay("/posts/settings");
        assertThat(first.selectFirst(".series-place").text()).startsWith("Part 1 of 3");
        assertThat(first.select("nav.series-steps a").eachAttr("href")).containsExactly("/posts/policies");
        Document last = essay("/posts/tables");
        assertThat(last.selectFirst(".series-place").text()).startsWith("Part 3 of 3");
        assertThat(last.select("nav.series-steps a").eachAttr("href")).containsExactly("/posts/policies");
    }

    @Test
    void partPageChangesWhenAnotherPartDoes() {
        // Tables first (1 February) lists Settings (1 May, midnight in Chicago): its validator follows the newest part.
        var response = new Http(server.getURI()).get("/posts/tables");
        assertThat(response.headers().firstValue("Last-Modified")).hasValue("Thu, 01 May 2025 05:00:00 GMT");
    }

    @Test
    void partsWithTheSameOrderAreReadByDate() {
        assertThat(essay("/posts/tie-a").selectFirst(".series-place").text()).isEqualTo("Part 1 of 2 in Ties");
        assertThat(essay("/posts/tie-b").selectFirst(".series-place").text()).isEqualTo("Part 2 of 2 in Ties");
    }

    @Test
    void onlyPartHasItsPlaceButNoPreviousOrNext() {
        Document page = essay("/posts/queues-alone");
        assertThat(page.selectFirst(".series-place").text()).isEqualTo("Part 1 of 1 in Queues");
        assertThat(page.select("nav.series-steps")).isEmpty();
    }

    @Test
    void essayInNoSeriesHasNoSeriesNavigation() {
        Document page = essay("/posts/unrelated");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Unrelated");
        assertThat(page.select(".series-nav, .series-steps")).isEmpty();
    }
}
