package dev.essayist.series;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import dev.essayist.site.ScheduledSite;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A series changes on time with no file event (design.md invariant 5): at 09:00 one part is due and
 * another expires, and the essay's "Part N of M", the series page and its feed follow the clock.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesScheduleTest extends ScheduledSite {


    @Override
    protected void write(TestSite site) {
        site.post("2029-01-01-old.md", "title: Old\ndate: 2029-01-01T09:00:00Z\nexpiryDate: 2030-01-01T09:00:00Z\n"
                + "series: Time\n", "Expires.\n");
        site.post("2029-06-01-now.md", "title: Now\ndate: 2029-06-01T09:00:00Z\nseries: Time\n", "Out.\n");
        site.post("2030-01-01-later.md", "title: Later\ndate: 2030-01-01T09:00:00Z\nseries: Time\n", "Due.\n");
    }

    @Test
    void partsJoinAndLeaveTheSeriesOnTheirTime() throws Exception {
        Http http = http();
        assertThat(http.html("/posts/now").selectFirst(".series-place").text()).isEqualTo("Part 2 of 2 in Time");
        assertThat(parts(http)).containsExactly("/posts/old", "/posts/now");
        assertThat(feedTitles(http)).containsExactly("Now", "Old");

        clock.advance(Duration.ofMinutes(1));

        Document now = http.html("/posts/now");
        assertThat(now.selectFirst(".series-place").text()).isEqualTo("Part 1 of 2 in Time");
        assertThat(now.select("nav.series-steps a").eachAttr("href")).containsExactly("/posts/later");
        assertThat(parts(http)).containsExactly("/posts/now", "/posts/later");
        assertThat(feedTitles(http)).containsExactly("Later", "Now");
        assertThat(http.get("/posts/old").statusCode()).isEqualTo(404);
    }

    private static List<String> parts(Http http) {
        return http.html("/series/time").select(".series-list h2 a").eachAttr("href");
    }

    private static List<String> feedTitles(Http http) throws Exception {
        String xml = http.get("/series/time/feed.xml").body();
        return new SyndFeedInput().build(new StringReader(xml)).getEntries().stream().map(SyndEntry::getTitle).toList();
    }
}
