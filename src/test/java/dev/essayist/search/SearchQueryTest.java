package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void keepsOnlyWordsLowerCaseAndDistinct() {
        SearchQuery query = SearchQuery.parse("  \"SKIP LOCKED\" -- skip 'it' 100% ");
        assertThat(query.words()).containsExactly("skip", "locked", "it", "100");
        assertThat(SearchIndex.terms(query.words())).as("the index's terms for them").containsExactly("skip", "locked", "it", "100");
        assertThat(query.text()).isEqualTo("\"SKIP LOCKED\" -- skip 'it' 100%");
    }

    @Test
    void aQueryWithoutWordsIsEmpty() {
        assertThat(SearchQuery.parse(null).isEmpty()).isTrue();
        assertThat(SearchQuery.parse("'\"%_*").isEmpty()).isTrue();
    }

    @Test
    void cutsLongQueries() {
        SearchQuery query = SearchQuery.parse("w".repeat(2000));
        assertThat(query.text()).hasSize(SearchQuery.MAX_CHARS);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("word").append(i).append(' ');
        }
        assertThat(SearchQuery.parse(many.toString()).words()).hasSize(SearchQuery.MAX_WORDS).startsWith("word0");
    }

    private static SearchHit hit(String title, String summary, String body, String published) {
        return new SearchHit(1L, "s", "/posts/s", title, summary, Instant.parse(published), null, 1, body);
    }

    @Test
    void ranksTitleThenSummaryThenBodyThenNewest() {
        SearchRanking ranking = new SearchRanking(SearchQuery.parse("queue"));
        SearchHit title = hit("A queue", "", "", "2020-01-01T00:00:00Z");
        SearchHit summary = hit("x", "on a queue", "", "2021-01-01T00:00:00Z");
        SearchHit body = hit("x", "", "queue queue queue", "2022-01-01T00:00:00Z");
        SearchHit newerBody = hit("x", "", "queue queue queue", "2023-01-01T00:00:00Z");
        assertThat(ranking.rank(List.of(body, summary, newerBody, title))).containsExactly(title, summary, newerBody, body);
        assertThat(ranking.score(hit("x", "", "queues enqueue queue", "2020-01-01T00:00:00Z"))).as("whole words").isEqualTo(1);
    }

    @Test
    void snippetCentresOnTheFirstMatchAndMarksEveryOccurrence() {
        String text = "lorem ".repeat(100) + "the Queue and the queue. " + "ipsum ".repeat(100);
        List<SearchRanking.Part> parts = new SearchRanking(SearchQuery.parse("queue")).snippet(text);
        assertThat(parts.get(0).text()).isEqualTo("… ");
        assertThat(parts.get(parts.size() - 1).text()).isEqualTo(" …");
        assertThat(parts.stream().filter(SearchRanking.Part::match).map(SearchRanking.Part::text)).containsExactly("Queue", "queue");
        int length = parts.stream().mapToInt(p -> p.text().length()).sum();
        assertThat(length).isLessThanOrEqualTo(SearchRanking.SNIPPET_CHARS + 4);
    }
}
