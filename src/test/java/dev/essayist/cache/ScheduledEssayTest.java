package dev.essayist.cache;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A scheduled essay appears on its time, with no file event and no reindex: only the clock moves. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledEssayTest extends ScheduledSite {


    @Override
    protected void write(TestSite site) {
        site.post("2030-01-01-later.md", "title: Later\ndate: 2030-01-01T09:00:00Z\ntags: [Time]\n", "Scheduled.\n");
        site.post("2029-06-01-now.md", "title: Now\ndate: 2029-06-01T09:00:00Z\n", "Already out.\n");
    }

    @Test
    void scheduledEssayAppearsEverywhereWhenItsTimeComes() throws Exception {
        Http http = http();
        assertThat(http.get("/posts/later").statusCode()).isEqualTo(404);
        assertThat(http.get("/tags/time").statusCode()).isEqualTo(404);
        assertThat(listed(http)).containsExactly("/posts/now");
        assertThat(feedLinks(http)).containsExactly("https://essays.example.com/posts/now");

        clock.advance(Duration.ofMinutes(1));

        assertThat(http.html("/posts/later").selectFirst("h1").text()).isEqualTo("Later");
        assertThat(http.html("/posts/later").select(".preview-banner")).isEmpty();
        assertThat(listed(http)).containsExactly("/posts/later", "/posts/now");
        assertThat(http.html("/tags/time").select(".post-summary h2 a").eachAttr("href")).containsExactly("/posts/later");
        assertThat(feedLinks(http)).containsExactly("https://essays.example.com/posts/later",
                "https://essays.example.com/posts/now");
    }

    private static List<String> listed(Http http) {
        return http.html("/").select(".post-summary h2 a").stream().map(a -> a.attr("href")).toList();
    }

    private static List<String> feedLinks(Http http) throws Exception {
        return new SyndFeedInput().build(new StringReader(http.get("/feed.xml").body())).getEntries().stream()
                .map(SyndEntry::getLink).toList();
    }
}
