package dev.essayist.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A date-only post in a zone east of UTC: its midnight is the previous day in GMT. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedTimeZoneTest implements TestPropertyProvider {

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        site.post("2025-03-14-pi.md", "title: Pi day\ndate: 2025-03-14\n", "Body.\n");
        Map<String, String> props = new HashMap<>(site.properties());
        props.put("essayist.time-zone", "Asia/Tokyo");
        return props;
    }

    @Test
    void bareDateIsMidnightInTheSiteZoneInEveryFormat() {
        Http http = new Http(server.getURI());
        // 2025-03-14T00:00+09:00 is Thursday 13 March, 15:00 GMT.
        assertThat(http.get("/feed.xml").body()).contains("<pubDate>Thu, 13 Mar 2025 15:00:00 GMT</pubDate>");
        assertThat(http.get("/atom.xml").body()).contains("<published>2025-03-13T15:00:00Z</published>");
        assertThat(http.get("/feed.json").body()).contains("\"date_published\":\"2025-03-14T00:00:00+09:00\"");
        assertThat(http.html("/posts/pi").select("time").attr("datetime")).isEqualTo("2025-03-14T00:00:00+09:00");
    }
}
