package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterSeriesTest {

    private static FrontMatter parse(String yaml, List<ContentProblem> warnings) throws ContentException {
        return FrontMatter.of(FrontMatterFields.parse("title: T\ndate: 2025-03-14\n" + yaml, "posts/x.md", 2),
                ZoneId.of("America/Chicago"), warnings);
    }

    private static ContentProblem errorOf(String yaml) {
        return catchThrowableOfType(ContentException.class,
                () -> parse(yaml, new ArrayList<>())).problem();
    }

    @Test
    void readsTheSeriesNameStrippedAndItsOrder() throws ContentException {
        List<ContentProblem> warnings = new ArrayList<>();
        FrontMatter fm = parse("series: \"  Multi-tenant PostgreSQL \"\nseries_order: 2\n", warnings);
        assertThat(fm.series()).isEqualTo("Multi-tenant PostgreSQL");
        assertThat(fm.seriesOrder()).isEqualTo(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPostWithoutSeriesHasNeitherNameNorOrder() throws ContentException {
        FrontMatter fm = parse("tags: [a]\n", new ArrayList<>());
        assertThat(fm.series()).isNull();
        assertThat(fm.seriesOrder()).isNull();
    }

    @Test
    void orderIsOptionalAndMayBeQuotedOrNegative() throws ContentException {
        assertThat(parse("series: S\n", new ArrayList<>()).seriesOrder()).isNull();
        assertThat(parse("series: S\nseries_order: \"10\"\n", new ArrayList<>()).seriesOrder()).isEqualTo(10);
        assertThat(parse("series: S\nseries_order: -1\n", new ArrayList<>()).seriesOrder()).isEqualTo(-1);
    }

    @Test
    void orderThatIsNotAWholeNumberIsAnErrorAtItsLine() {
        for (String order : new String[] {"2.5", "second", "true", "99999999999"}) {
            ContentProblem problem = errorOf("series: S\nseries_order: " + order + "\n");
            assertThat(problem.severity()).isEqualTo(ContentProblem.Severity.ERROR);
            assertThat(problem.file()).isEqualTo("posts/x.md");
            // Front matter starts on line 2; series_order is its fourth line.
            assertThat(problem.line()).as(order).isEqualTo(5);
            assertThat(problem.message()).isEqualTo("'series_order' must be a whole number such as 2, not \"" + order + "\"");
        }
    }

    @Test
    void orderWithoutSeriesIsIgnoredWithAWarning() throws ContentException {
        List<ContentProblem> warnings = new ArrayList<>();
        FrontMatter fm = parse("series_order: 3\n", warnings);
        assertThat(fm.seriesOrder()).isNull();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.severity()).isEqualTo(ContentProblem.Severity.WARNING);
            assertThat(w.message()).isEqualTo("'series_order' is ignored: the post has no 'series'");
        });
    }

    @Test
    void seriesWithoutALetterOrDigitIsIgnoredWithAWarning() throws ContentException {
        List<ContentProblem> warnings = new ArrayList<>();
        FrontMatter fm = parse("series: \"---\"\n", warnings);
        assertThat(fm.series()).isNull();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.message()).contains("no letter or digit");
        });
    }

    @Test
    void seriesLongerThanItsColumnIsAnError() {
        ContentProblem problem = errorOf("series: " + "x".repeat(FrontMatterSeries.MAX_NAME + 1) + "\n");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).isEqualTo("'series' has a value of 256 characters; the limit is 255");
    }

    @Test
    void seriesGivenAsAHugoTaxonomyListKeepsItsFirstName() throws ContentException {
        List<ContentProblem> warnings = new ArrayList<>();
        assertThat(parse("series: [\"Multi-tenant PostgreSQL\"]\n", warnings).series()).isEqualTo("Multi-tenant PostgreSQL");
        assertThat(warnings).isEmpty();
        FrontMatter two = parse("series: [A, B]\nseries_order: 3\n", warnings);
        assertThat(two.series()).isEqualTo("A");
        assertThat(two.seriesOrder()).isEqualTo(3);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.message()).isEqualTo("'series' names 2 series; a post is a part of one here, so it is in \"A\" only");
        });
    }

    @Test
    void seriesThatIsNeitherANameNorAListOfNamesIsAnErrorAtItsLine() {
        for (String value : new String[] {"\n  name: A", "[A, [B]]", "[1]"}) {
            ContentProblem problem = errorOf("series: " + value + "\n");
            assertThat(problem.line()).as(value).isEqualTo(4);
            assertThat(problem.message()).isEqualTo("'series' must be a name, such as series: \"Multi-tenant PostgreSQL\"");
        }
    }
}
