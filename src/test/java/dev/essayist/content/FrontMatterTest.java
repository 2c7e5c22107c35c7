package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static FrontMatter parse(String yaml, List<ContentProblem> warnings) throws ContentException {
        return FrontMatter.of(FrontMatterFields.parse(yaml, "posts/x.md", 2), CHICAGO, warnings);
    }

    private static ContentProblem problemOf(String yaml) {
        try {
            parse(yaml, new ArrayList<>());
        } catch (ContentException e) {
            return e.problem();
        }
        throw new AssertionError("expected a problem for:\n" + yaml);
    }

    @Test
    void readsEveryField() throws ContentException {
        FrontMatter fm = parse("""
                title: "SKIP LOCKED Is Not Enough"
                date: 2025-03-14T09:00:00-05:00
                updated: 2025-04-02
                tags: [PostgreSQL, queues]
                summary: "One or two sentences."
                slug: skip-locked-is-not-enough
                id: 2025-03-14-skip-locked
                draft: false
                aliases: [/2025/03/skip-locked]
                """, new ArrayList<>());
        assertThat(fm.title()).isEqualTo("SKIP LOCKED Is Not Enough");
        assertThat(fm.date().toOffsetDateTime().toString()).isEqualTo("2025-03-14T09:00-05:00");
        assertThat(fm.updated()).isEqualTo(ZonedDateTime.of(2025, 4, 2, 0, 0, 0, 0, CHICAGO));
        assertThat(fm.tags()).containsExactly("PostgreSQL", "queues");
        assertThat(fm.summary()).isEqualTo("One or two sentences.");
        assertThat(fm.slug()).isEqualTo("skip-locked-is-not-enough");
        assertThat(fm.id()).isEqualTo("2025-03-14-skip-locked");
        assertThat(fm.draft()).isFalse();
        assertThat(fm.aliases()).containsExactly("/2025/03/skip-locked");
    }

    @Test
    void bareDateIsMidnightInTheSiteZoneNotUtc() throws ContentException {
        FrontMatter fm = parse("title: T\ndate: 2025-03-14\n", new ArrayList<>());
        assertThat(fm.date().toOffsetDateTime().toString()).isEqualTo("2025-03-14T00:00-05:00");
        assertThat(fm.date().toInstant().toString()).isEqualTo("2025-03-14T05:00:00Z");
    }

    @Test
    void tagsMayBeAListOrACommaSeparatedString() throws ContentException {
        assertThat(parse("title: T\ndate: 2025-01-01\ntags:\n  - a\n  - b c\n", new ArrayList<>()).tags())
                .containsExactly("a", "b c");
        assertThat(parse("title: T\ndate: 2025-01-01\ntags: postgres, queues\n", new ArrayList<>()).tags())
                .containsExactly("postgres", "queues");
        assertThat(parse("title: T\ndate: 2025-01-01\n", new ArrayList<>()).tags()).isEmpty();
    }

    @Test
    void distinctTagsMergeSpellingsOfOneSlug() throws ContentException {
        assertThat(parse("title: T\ndate: 2025-01-01\ntags: [PostgreSQL, postgresql, Queues]\n", new ArrayList<>())
                .distinctTags()).containsExactly("PostgreSQL", "Queues");
    }

    @Test
    void missingTitleIsAnErrorOnTheFirstLine() {
        ContentProblem problem = problemOf("date: 2025-01-01\ntags: [a]\n");
        assertThat(problem.toString()).isEqualTo("posts/x.md:2: error: 'title' is missing; every post needs a title");
    }

    @Test
    void emptyTitleIsAnErrorOnItsLine() {
        assertThat(problemOf("date: 2025-01-01\ntitle: \"  \"\n").toString())
                .isEqualTo("posts/x.md:3: error: 'title' is empty");
    }

    @Test
    void badDateNamesTheLineAndTheValue() {
        ContentProblem problem = problemOf("title: T\ntags: [a]\ndate: 2025-13-01\n");
        assertThat(problem.file()).isEqualTo("posts/x.md");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).startsWith("'date' is not a date: \"2025-13-01\"");
    }

    @Test
    void missingDateIsAnError() {
        assertThat(problemOf("title: T\n").message()).startsWith("'date' is missing");
    }

    @Test
    void updatedBeforeDateIsAWarningAndIgnored() throws ContentException {
        // Hugo and Jekyll publish such a post; leaving it out would unpublish a moved blog's essay.
        List<ContentProblem> warnings = new ArrayList<>();
        FrontMatter fm = parse("title: T\ndate: 2025-03-14\nlastmod: 2025-03-01\n", warnings);
        assertThat(fm.updated()).isNull();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.message()).startsWith("'lastmod' (2025-03-01T00:00-06:00) is before the date");
        });
    }

    @Test
    void wrongTypesAreErrors() {
        assertThat(problemOf("title: T\ndate: 2025-01-01\ntags: 42\n").message())
                .isEqualTo("'tags' must be a list such as [a, b], not the number \"42\"");
        assertThat(problemOf("title: T\ndate: 2025-01-01\ndraft: \"yes\"\n").message())
                .isEqualTo("'draft' must be true or false, not \"yes\"");
        assertThat(problemOf("title: T\ndate: 2025-01-01\ntags: [a, 3]\n").message())
                .isEqualTo("'tags' must be a list of text items; found the number \"3\"");
    }

    @Test
    void yamlSyntaxErrorCarriesTheParsersLine() {
        ContentProblem problem = problemOf("title: T\ndate: 2025-01-01\ntags: [a, b\n");
        assertThat(problem.line()).isGreaterThanOrEqualTo(4);
        assertThat(problem.message()).startsWith("YAML syntax error");
    }

    @Test
    void unknownKeyIsAWarningNamingTheClosestKnownKey() throws ContentException {
        List<ContentProblem> warnings = new ArrayList<>();
        parse("title: T\ndate: 2025-01-01\ntgas: [a]\n", warnings);
        assertThat(warnings).extracting(Object::toString)
                .containsExactly("posts/x.md:4: warning: unknown key 'tgas'; did you mean 'tags'?");
    }
}
