package dev.essayist.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.InputSource;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedIdentityTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    private Item item(String title) throws Exception {
        String rss = new Http(server.getURI()).get("/feed.xml").body();
        Channel channel = (Channel) new WireFeedInput().build(new InputSource(new StringReader(rss)));
        return channel.getItems().stream().filter(i -> i.getTitle().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void idSurvivesATitleAndSlugChangeAndTheOldUrlRedirects() throws Exception {
        site.post("2025-07-01-moving.md", "title: Moving\ndate: 2025-07-01\nslug: before\n", "Body.\n");
        indexer.reindex();
        Item before = item("Moving");
        assertThat(before.getLink()).isEqualTo("https://essays.example.com/posts/before");

        site.post("2025-07-01-moving.md", "title: Moved\ndate: 2025-07-01\nslug: after\naliases: [/posts/before]\n", "Body.\n");
        indexer.reindex();
        Item after = item("Moved");
        assertThat(after.getLink()).isEqualTo("https://essays.example.com/posts/after");
        assertThat(after.getGuid().getValue()).isEqualTo(before.getGuid().getValue()).isEqualTo("2025-07-01-before");
        var redirect = new Http(server.getURI()).get("/posts/before");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/posts/after");
    }
}
