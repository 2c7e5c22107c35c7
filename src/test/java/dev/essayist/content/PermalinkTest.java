package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermalinkTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2019, 10, 1, 11, 0, 0, 0, ZoneOffset.UTC);

    private static Permalink.Facts facts(String fileName, String givenSlug, String title) {
        String slug = givenSlug != null ? givenSlug : PostsFolder.slugOf(fileName);
        return new Permalink.Facts(DATE, slug, "", List.of(), fileName, givenSlug, title);
    }

    @Test
    void jekyllsTitleIsTheFileNameWithoutDateCaseKept() {
        // https://jekyllrb.com/docs/permalinks/: ":title ... Preserves case from the source."
        assertThat(Permalink.of("/:year/:month/:day/:title/").path(facts("2019-10-01-Mixed-Case.Title", null, "x")))
                .isEqualTo("/2019/10/01/Mixed-Case.Title/");
    }

    @Test
    void jekyllsTitleKeepsPrettyModePunctuationAndHyphenatesTheRest() {
        assertThat(Permalink.of("/:title/").path(facts("2016-09-10-Help!-I'm becoming (Post) Junior?", null, "x")))
                .isEqualTo("/Help!-I'm-becoming-(Post)-Junior/");
    }

    @Test
    void jekyllsTitleIsTheSlugWhenTheFrontMatterGivesOne() {
        assertThat(Permalink.of("/:title/").path(facts("2019-10-01-ignored", "Own-Slug", "x"))).isEqualTo("/Own-Slug/");
    }

    @Test
    void slugIsThePostsOwnSlugSoEssayistsDefaultAddressesStay() {
        assertThat(Permalink.of(Permalink.DEFAULT).path(facts("2022-01-05-Query-Params-Vue.js", null, "x")))
                .isEqualTo("/posts/query-params-vue-js");
    }

    @Test
    void hugosFilenameIsAPathThatKeepsUnderscoresAndDotsInLowerCase() {
        // Hugo's urlize: lower case unless disablePathToLower; '.', '_' kept, spaces become '-'.
        assertThat(Permalink.of("/post/:filename/").path(facts("LD_PRELOAD", null, "x"))).isEqualTo("/post/ld_preload/");
        assertThat(Permalink.of("/blog/:slugorfilename/").path(facts("grpc-js-1.0", null, "x"))).isEqualTo("/blog/grpc-js-1.0/");
        assertThat(Permalink.of("/blog/:slugorfilename/").path(facts("grpc-js-1.0", "js_1.0", "x"))).isEqualTo("/blog/js_1.0/");
    }

    @Test
    void hugosReadingMakesSlugAndTitleOfTheTitle() {
        // https://gohugo.io/content-management/urls/#tokens: ":slug: the slug ... else the title"; ":title: the title".
        Permalink.Facts post = facts("any-file", null, "LD_PRELOAD: The Hero We Need");
        assertThat(Permalink.of("/:year/:month/:title/", Permalink.Reading.HUGO).path(post))
                .isEqualTo("/2019/10/ld_preload-the-hero-we-need/");
        assertThat(Permalink.of("/:year/:slug/", Permalink.Reading.HUGO).path(post)).isEqualTo("/2019/ld_preload-the-hero-we-need/");
        assertThat(Permalink.of("/:year/:slug/", Permalink.Reading.HUGO).path(facts("any-file", "Given_Slug", "t")))
                .isEqualTo("/2019/given_slug/");
    }

    @Test
    void aTitleWithNothingToMakeAPathOfGivesTheSlug() {
        assertThat(Permalink.of("/:title/", Permalink.Reading.HUGO).path(facts("2019-10-01-fallback", null, "?!"))).isEqualTo("/fallback/");
    }

    @Test
    void anUnknownTokenIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> Permalink.of("/:year/:name/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":name").hasMessageContaining(":slugorfilename");
    }
}
