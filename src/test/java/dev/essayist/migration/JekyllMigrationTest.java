package dev.essayist.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.essayist.TestSite;
import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import dev.essayist.content.ContentProblem;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Jekyll {@code _posts} folder copied unchanged into {@code posts/}, served with Jekyll's default
 * {@code date} permalink ({@code /:categories/:year/:month/:day/:title:output_ext}) and jekyll-feed's
 * ids (each post's absolute URL): dates from file names and Jekyll's date form, {@code published:
 * false}, space-separated tags, {@code excerpt}, {@code redirect_from}, HTML posts, and two posts
 * with one slug on two dates.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JekyllMigrationTest implements TestPropertyProvider {

    private final TestSite site = MigratedSite.of("jekyll/_posts");

    @Inject
    EmbeddedServer server;

    @Inject
    ContentIndexer indexer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = site.movedProperties("date");
        props.put("essayist.time-zone", "UTC");
        props.put("essayist.moved-from", "jekyll");
        // jekyll-feed's ids: Jekyll's post.id, the URL's folder and the post's slug (no .html).
        props.put("essayist.feed.id-permalink", "/:categories/:year/:month/:day/:title");
        return props;
    }

    private Http http() {
        return new Http(server.getURI());
    }

    @Test
    void everyPostJekyllPublishesAnswersAtItsOldAddress() {
        assertThat(indexer.problems()).filteredOn(p -> p.severity() == ContentProblem.Severity.ERROR).isEmpty();
        for (String path : List.of("/jekyll/update/2019/10/01/welcome-to-jekyll.html",
                "/2019/10/02/no-date-in-front-matter.html", "/2019/10/03/offset-forms.html",
                "/2018/03/19/accessible-scala.html", "/2018/06/14/accessible-scala.html", "/2019/10/05/html-post.html")) {
            assertThat(http().get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(http().get("/2019/10/04/unpublished.html").statusCode()).isEqualTo(404);
    }

    @Test
    void titleIsTheFileNameWithItsCaseAndUrlSafePunctuationKept() {
        // Jekyll's permalinks page: ":title ... Title from the document's filename ... Preserves case".
        assertThat(http().html("/2019/10/06/Mixed-Case.Title.html").selectFirst("h1").text()).isEqualTo("Case kept");
        assertThat(http().get("/2019/10/06/mixed-case.title.html").statusCode()).isEqualTo(404);
        // Jekyll's slugify "pretty" mode keeps ._~!$&'()+,;=@; a client may send them percent-encoded.
        assertThat(http().html("/2019/10/07/Don't-Panic!.html").selectFirst("h1").text()).isEqualTo("Punctuation kept");
        assertThat(http().get("/2019/10/07/Don%27t-Panic%21.html").statusCode()).isEqualTo(200);
    }

    @Test
    void twoPostsWithOneSlugOnTwoDatesAreBothPublished() {
        assertThat(http().html("/2018/03/19/accessible-scala.html").selectFirst("h1").text()).isEqualTo("Accessible Scala, the first");
        assertThat(http().html("/2018/06/14/accessible-scala.html").selectFirst("h1").text()).isEqualTo("Accessible Scala, the second");
        assertThat(indexer.problems()).isEmpty();
    }

    @Test
    void jekyllsDateFormsAndKeysKeepTheirMeaning() {
        Document page = http().html("/2019/10/03/offset-forms.html");
        assertThat(page.select("article time")).extracting(e -> e.attr("datetime"))
                .anySatisfy(d -> assertThat(d).startsWith("2019-10-03"))
                .anySatisfy(d -> assertThat(d).startsWith("2019-11-01"));
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("A written excerpt.");
        assertThat(page.selectFirst(".byline").text()).isEqualTo("By Sam Author");
        HttpResponse<String> redirect = http().get("/2019/offset-forms/");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/2019/10/03/offset-forms.html");
        Document noDate = http().html("/2019/10/02/no-date-in-front-matter.html");
        assertThat(noDate.select("article .essay-header .tags a")).extracting(Element::text).containsExactly("emacs", "lisp");
    }

    @Test
    void mathIsKramdownsOnlyTwoDollarSignsOpenIt() {
        Document page = http().html("/2019/10/08/dollars-and-math.html");
        assertThat(page.select("article math")).hasSize(2);
        assertThat(page.selectFirst("article").text()).contains("a price of $5, a shell's $HOME",
                "\"$time $metadata[$level] $message\"");
        assertThat(indexer.problems()).noneMatch(p -> p.file().endsWith("dollars-and-math.md"));
    }

    @Test
    void anHtmlPostIsSanitisedLikeAnyBody() {
        Element prose = http().html("/2019/10/05/html-post.html").selectFirst(".prose");
        assertThat(prose.select("em").text()).isEqualTo("HTML");
        assertThat(prose.select("script")).isEmpty();
    }

    @Test
    void feedIdsAreThoseJekyllFeedPublishedSoNoSubscriberSeesAPostTwice() throws Exception {
        SyndFeed before = new SyndFeedInput().build(new StringReader(
                Files.readString(Path.of("src/test/resources/migration/jekyll/feed.xml"))));
        List<String> published = before.getEntries().stream().map(SyndEntry::getUri).toList();
        assertThat(published).hasSize(6).allMatch(id -> !id.endsWith(".html"));
        SyndFeed atom = new SyndFeedInput().build(new StringReader(http().get("/atom.xml").body()));
        SyndFeed rss = new SyndFeedInput().build(new StringReader(http().get("/feed.xml").body()));
        assertThat(atom.getEntries()).extracting(SyndEntry::getUri).containsAll(published);
        assertThat(rss.getEntries()).extracting(SyndEntry::getUri).containsAll(published);
        // The links are the pages' addresses, .html and all, as jekyll-feed's were.
        assertThat(atom.getEntries()).extracting(SyndEntry::getLink)
                .contains("https://example.org/jekyll/update/2019/10/01/welcome-to-jekyll.html");
    }
}
