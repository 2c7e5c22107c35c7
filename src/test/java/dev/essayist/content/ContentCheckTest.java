package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.essayist.TestSite;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code check}'s reading of a folder without an index agrees, problem for problem, with what the
 * server's reindex reports for the same files on a fresh index.
 */
class ContentCheckTest {

    /** A site whose problems span files: identities, aliases, links to every kind of target. */
    private static TestSite crossFileSite() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-10-alpha.md", "title: Alpha\ndate: 2025-01-10\nid: shared-id\naliases: [/2019/05/alpha]\n", """
                ## Start

                Alpha links to [beta](/posts/beta#missing), [the old alpha](/2019/05/alpha),
                [itself](#start), [a draft](/posts/draft), [tags](/tags) and [nothing](/posts/nothing).

                ![a picture](/static/img/a.png) ![no picture](/img/none.png)
                """);
        site.post("2025-02-20-beta.md", "title: Beta\ndate: 2025-02-20\nid: shared-id\n", "Beta.\n");
        site.post("2025-02-21-same.md", "title: Same\ndate: 2025-02-21\nslug: alpha\n", "A second alpha.\n");
        site.post("2025-02-22-route.md", "title: Route\ndate: 2025-02-22\naliases: [/tags]\n", "Shadowing a route.\n");
        site.post("2025-03-01-draft.md", "title: Draft\ndate: 2025-03-01\ndraft: true\n", "See [alpha](/posts/alpha).\n");
        site.post("2025-03-02-bad.md", "title: Bad\ndate: 2025-03-32\n", "Bad date.\n");
        site.write("pages/about.md", "---\ntitle: About\nsumary: typo\n---\nAbout [alpha](/posts/alpha).\n");
        site.write("_index.md", "---\ntitle: Section\n---\n");
        site.staticFile("img/a.png", new byte[] {1, 2, 3});
        return site;
    }

    @Test
    void reportsExactlyWhatTheServersReindexReportsOnAFreshIndex() throws Exception {
        TestSite site = crossFileSite();
        Map<String, Object> props = new HashMap<>(site.properties());
        try (ApplicationContext server = ApplicationContext.builder(Environment.TEST).properties(props).start()) {
            ContentIndexer indexer = server.getBean(ContentIndexer.class);
            IndexReport report = indexer.reindex();
            ContentCheck.Result check = server.getBean(ContentCheck.class).check();

            assertThat(check.problems()).isNotEmpty().isEqualTo(indexer.problems());
            assertThat(check.files()).isEqualTo(report.files());
            assertThat(check.skipped()).isEqualTo(indexer.skipped()).singleElement().asString().contains("_index.md: skipped");
            assertThat(check.problems()).extracting(ContentProblem::toString).contains(
                    site.posts().resolve("2025-02-20-beta.md") + ":4: error: id 'shared-id' is already used by "
                            + site.posts().resolve("2025-01-10-alpha.md"),
                    site.posts().resolve("2025-02-22-route.md") + ":4: error: alias '/tags' collides with the route /tags");
            assertThat(check.problems()).filteredOn(p -> p.file().endsWith("alpha.md")).extracting(ContentProblem::message)
                    .anyMatch(m -> m.contains("'/posts/beta#missing'"))
                    .anyMatch(m -> m.contains("'/posts/nothing'"))
                    .anyMatch(m -> m.contains("'/img/none.png'"))
                    .noneMatch(m -> m.contains("/2019/05/alpha") || m.contains("/posts/draft") || m.contains("#start")
                            || m.contains("a.png"));
        }
    }

    @Test
    void aSecondPostWithATakenSlugIsNumberedAsTheServerNumbersIt() throws Exception {
        TestSite site = TestSite.create();
        site.post("2025-01-10-one.md", "title: One\ndate: 2025-01-10\nslug: same\n", "One.\n");
        site.post("2025-01-11-two.md", "title: Two\ndate: 2025-01-11\nslug: same\n", "Two, see [one](/posts/same-2).\n");
        try (ApplicationContext server = ApplicationContext.builder(Environment.TEST).properties(new HashMap<>(site.properties()))
                .start()) {
            ContentIndexer indexer = server.getBean(ContentIndexer.class);
            indexer.reindex();
            List<ContentProblem> check = server.getBean(ContentCheck.class).check().problems();
            assertThat(check).isEqualTo(indexer.problems()).extracting(ContentProblem::toString).containsExactly(
                    site.posts().resolve("2025-01-11-two.md") + ":4: warning: the address '/posts/same' is already used by "
                            + site.posts().resolve("2025-01-10-one.md") + "; this post is published at '/posts/same-2'"
                            + " (set 'slug' or 'url' to choose)");
        }
    }

    @Test
    void anUnusablePermalinkSettingAndAMissingFolderAreTheFoldersErrors() throws Exception {
        TestSite site = TestSite.create();
        Map<String, Object> props = new HashMap<>(site.properties());
        props.put("essayist.permalink", "/:nonsense/");
        try (ApplicationContext context = ApplicationContext.builder(Environment.CLI, Environment.TEST).properties(props).start()) {
            assertThatThrownBy(() -> context.getBean(ContentCheck.class).check())
                    .isInstanceOf(PostsFolderException.class).hasMessageContaining("essayist.permalink");
        }
        try (ApplicationContext context = ApplicationContext.builder(Environment.CLI, Environment.TEST)
                .properties(new HashMap<>(site.properties())).start()) {
            Files.delete(site.posts().resolve("pages"));
            Files.delete(site.posts());
            assertThatThrownBy(() -> context.getBean(ContentCheck.class).check())
                    .isInstanceOf(PostsFolderException.class).hasMessageContaining("does not exist");
        }
    }
}
