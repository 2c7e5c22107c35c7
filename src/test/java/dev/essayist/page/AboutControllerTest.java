package dev.essayist.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AboutControllerTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Test
    void aboutPageShowsBioExperienceAndLinks() {
        Document page = new Http(server.getURI()).html("/about");
        assertThat(page.selectFirst("h1").text()).isEqualTo("About");
        assertThat(page.selectFirst(".prose strong").text()).isEqualTo("databases");
        Element role = page.selectFirst(".experience-list li");
        assertThat(role.selectFirst(".role").text()).isEqualTo("Engineer, Acme 2020–2024");
        assertThat(role.selectFirst(".what").text()).isEqualTo("Built the queue.");
        assertThat(page.select(".links a").eachAttr("href")).containsExactly("/feed.xml", "/atom.xml", "/feed.json", "https://example.com/code");
        assertThat(page.select(".links a").first().text()).isEqualTo("Subscribe by RSS");
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("Who writes here.");
        // The site has an about page, so every page's header links to it.
        assertThat(new Http(server.getURI()).html("/archive").select("header nav a").eachAttr("href")).contains("/about");
    }
}
