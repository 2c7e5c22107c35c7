package dev.essayist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.essayist.ExportServer;
import dev.essayist.InlineSite;
import dev.essayist.TestSite;
import dev.essayist.post.AliasRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A blog moved from Jekyll as its author would move it (issue 13): {@code _posts} files copied
 * into {@code posts/}, its assets into the static folder, and the permalink Jekyll's
 * {@code _config.yml} had ({@code /blog/:year/:month/:day/:title/}). Written inline from Jekyll's
 * documentation (posts, permalinks, {@code post_url}). Every old URL answers 200, images at root
 * paths load, the old feed addresses redirect, and the export of the same site has every page at
 * its old path with no broken link.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovedJekyllSiteTest extends InlineSite {

    private static final String FIRST = "/blog/2019/01/25/first-post/";
    private static final String SECOND = "/blog/2019/02/10/second-post/";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Inject
    AliasRepository aliases;

    @Inject
    Clock clock;

    MovedJekyllSiteTest() {
        site.write("2019-01-25-first-post.md", """
                ---
                layout: post
                title: First post
                tags: jekyll migration
                ---
                The chart sits in the site's own assets:

                ![A chart](/assets/chart.png)

                The [second post](%s) follows.
                """.formatted(SECOND));
        site.write("2019-02-10-second-post.markdown", """
                ---
                layout: post
                title: Second post
                date: 2019-02-10 09:30:00 +0000
                ---
                Back to [the first post]({%% post_url 2019-01-25-first-post %%}), with its
                <img src="/images/photo.png" alt="A photo"> inline.
                """);
        site.staticFile("assets/chart.png", PNG);
        site.staticFile("images/photo.png", PNG);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = site.movedProperties("/blog/:year/:month/:day/:title/");
        // jekyll-feed's ids are Jekyll's post.id: the address without its trailing slash.
        props.put("essayist.feed.id-permalink", "/blog/:year/:month/:day/:title");
        props.put("essayist.time-zone", "UTC");
        return props;
    }

    @Test
    void everyOldUrlAnswers200WithTheEssayAndItsCanonicalAddress() {
        assertThat(indexer.problems()).isEmpty();
        for (Map.Entry<String, String> post : Map.of(FIRST, "First post", SECOND, "Second post").entrySet()) {
            HttpResponse<String> response = http().get(post.getKey());
            assertThat(response.statusCode()).as(post.getKey()).isEqualTo(200);
            Document page = http().html(post.getKey());
            assertThat(page.selectFirst("h1").text()).isEqualTo(post.getValue());
            assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://example.org" + post.getKey());
        }
        Document second = http().html(SECOND);
        assertThat(second.select("article a").eachAttr("href")).contains(FIRST);
        // The blog brought no about page: the header links to none.
        assertThat(second.select("header nav a").eachAttr("href")).containsExactly("/archive", "/tags", "/feed.xml");
    }

    @Test
    void imagesAtRootPathsLoadFromTheStaticFolder() {
        List<String> sources = new java.util.ArrayList<>();
        sources.addAll(http().html(FIRST).select("article img").eachAttr("src"));
        sources.addAll(http().html(SECOND).select("article img").eachAttr("src"));
        assertThat(sources).contains("/assets/chart.png", "/images/photo.png");
        for (String src : sources) {
            assertThat(http().get(src).statusCode()).as(src).isEqualTo(200);
        }
        assertThat(http().get("/favicon.ico").statusCode()).isEqualTo(200);
    }

    @Test
    void oldFeedAddressesRedirectToAFeedWithTheIdsJekyllFeedPublished() throws Exception {
        for (String old : List.of("/feed/", "/rss.xml", "/rss/", "/index.xml")) {
            HttpResponse<String> response = http().get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).hasValue("/feed.xml");
        }
        SyndFeed rss = new SyndFeedInput().build(new StringReader(http().get("/feed.xml").body()));
        assertThat(rss.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://example.org/blog/2019/02/10/second-post", "https://example.org/blog/2019/01/25/first-post");
        SyndFeed atom = new SyndFeedInput().build(new StringReader(http().get("/atom.xml").body()));
        assertThat(atom.getEntries()).extracting(SyndEntry::getLink)
                .containsExactly("https://example.org" + SECOND, "https://example.org" + FIRST);
    }

    @Test
    void theExportHasEveryPageAtItsOldPathAndNoBrokenLink() throws Exception {
        Path out = TestSite.tempFolder("export");
        StaticExport.Result result = new StaticExport(server.getURI(), "https://example.org")
                .export(out, site.statics(), aliases.findPublishedAliases(clock.instant()));
        assertThat(result.unreachable()).isEmpty();
        assertThat(result.files()).contains("blog/2019/01/25/first-post/index.html", "blog/2019/02/10/second-post/index.html",
                "assets/chart.png", "images/photo.png", "feed.xml", "favicon.ico");
        assertThat(Files.exists(out.resolve("posts"))).as("no /posts/ copy is needed").isFalse();
        try (ExportServer files = new ExportServer(out)) {
            Map<String, Integer> reached = files.crawl();
            assertThat(reached).containsKeys(FIRST, SECOND, "/assets/chart.png", "/images/photo.png", "/feed.xml");
            assertThat(reached).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(200));
            Element heading = org.jsoup.Jsoup.parse(files.get(FIRST).body()).selectFirst("h1");
            assertThat(heading.text()).isEqualTo("First post");
        }
    }
}
