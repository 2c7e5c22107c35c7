package dev.essayist.post;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code essayist.preview=true}: drafts and scheduled essays are shown, each with its banner. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewModeTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(super.getProperties());
        props.put("essayist.preview", "true");
        props.put("essayist.page-size", "10");
        return props;
    }

    @Test
    void draftAndScheduledEssaysAreShownWithTheirBanner() {
        Http http = new Http(server.getURI());
        Document draft = http.html("/posts/draft");
        assertThat(draft.select(".preview-banner.preview-draft").text())
                .isEqualTo("Draft: not public. Shown because preview mode is on.");
        Document future = http.html("/posts/future");
        assertThat(future.select(".preview-banner.preview-scheduled").text())
                .isEqualTo("Scheduled for 1 January 2999: not public yet. Shown because preview mode is on.");
        assertThat(http.html("/posts/alpha").select(".preview-banner")).isEmpty();

        assertThat(http.html("/").select(".post-summary h2 a").eachAttr("href"))
                .containsExactly("/posts/future", "/posts/draft", "/posts/beta", "/posts/alpha", "/posts/gamma");
        assertThat(http.html("/tags").select("a[href=/tags/drafts]")).hasSize(1);
    }
}
