package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import dev.essayist.site.ScheduledSite;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A scheduled essay is found, and counted, from its time on, with no reindex: only the clock moves. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchScheduleTest extends ScheduledSite {


    @Override
    protected void write(TestSite site) {
        site.post("2030-01-01-later.md", "title: Later\ndate: 2030-01-01T09:00:00Z\n", "The wombat arrives.\n");
        site.post("2029-06-01-now.md", "title: Now\ndate: 2029-06-01T09:00:00Z\n", "A wombat was here.\n");
    }

    @Test
    void aScheduledEssayIsFoundWhenItsTimeComes() {
        Http http = http();
        Document before = http.html("/search?q=wombat");
        assertThat(before.select(".search-results h2 a").eachText()).containsExactly("Now");
        assertThat(before.selectFirst("[role=status]").text()).startsWith("1 essay matches");

        clock.advance(Duration.ofMinutes(1));

        Document after = http.html("/search?q=wombat");
        assertThat(after.select(".search-results h2 a").eachText()).containsExactly("Later", "Now");
        assertThat(after.selectFirst("[role=status]").text()).startsWith("2 essays match");
    }
}
