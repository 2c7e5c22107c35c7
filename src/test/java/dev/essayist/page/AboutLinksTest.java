package dev.essayist.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.HostileAbout;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import dev.essayist.XssCorpus;
import dev.essayist.content.ContentIndexer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An about page whose links try to smuggle script URLs: the page stays up, without them, and says why. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AboutLinksTest implements TestPropertyProvider {

    private final TestSite site = TestSite.create();

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Override
    public Map<String, String> getProperties() {
        site.write("pages/about.md", HostileAbout.TEXT);
        return site.properties();
    }

    @Test
    void rendersOnlyTheLinksThePolicyAllows() {
        Document page = new Http(server.getURI()).html("/about");
        assertThat(page.select(".links a").eachAttr("href")).containsExactlyElementsOf(
                Stream.concat(Stream.of("/feed.xml", "/atom.xml", "/feed.json"), HostileAbout.KEPT.stream()).toList());
        assertThat(page.select("a").eachText()).doesNotContainAnyElementsOf(HostileAbout.REFUSED.keySet());
        XssCorpus.assertHarmless(page.selectFirst("article.about"), "/about");
        assertThat(page.selectFirst(".experience-list .context").text()).isEqualTo("2025 hackathon, then production");
    }

    @Test
    void reportsEachRefusedLinkWithFileAndLine() {
        String file = site.posts().resolve("pages/about.md").toString();
        List<String> problems = indexer.problems().stream().map(Object::toString).filter(p -> p.startsWith(file)).toList();
        List<Map.Entry<String, Integer>> refused = List.copyOf(HostileAbout.REFUSED.entrySet());
        assertThat(problems).hasSameSizeAs(refused);
        for (int i = 0; i < refused.size(); i++) {
            assertThat(problems.get(i))
                    .startsWith(file + ":" + refused.get(i).getValue() + ": warning: link '" + refused.get(i).getKey() + "': URL '")
                    .endsWith(" is refused (allowed: a path, or a URL with scheme http, https or mailto); the link is left out");
        }
    }
}
