package dev.essayist.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(SearchDocuments.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        }
        return terms;
    }

    /** @return how many terms the query searches, after Lucene's own counting of clauses */
    private static int leaves(Query query) {
        AtomicInteger count = new AtomicInteger();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                count.addAndGet(terms.length);
            }

            @Override
            public void visitLeaf(Query q) {
                count.incrementAndGet();
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return count.get();
    }

    @Test
    void wordsAreKeptAsWrittenAndStemmedInLowerCaseWithoutAccents() throws IOException {
        assertThat(terms(EssayAnalyzer.STEMMED, "Queues LOCKING Café naïve")).containsExactly(
                "queues", "queue", "locking", "lock", "cafe", "naive", "naiv");
        assertThat(terms(EssayAnalyzer.STEMMED, "locked")).containsExactly("locked", "lock");
        assertThat(terms(EssayAnalyzer.EXACT, "Skip Locked")).containsExactly("skip", "locked");
        assertThat(terms(EssayAnalyzer.EXACT, "SKIP_LOCKED field:x node.js")).as("only letters and digits make words")
                .containsExactly("skip", "locked", "field", "x", "node", "js");
    }

    @Test
    void tagsAreTakenOutOfTheWordsBySlug() {
        SearchQuery query = SearchQuery.parse("  zebra tag:PostgreSQL \"exact phrase\" TAG:time-zones tag:postgresql tag: ");
        assertThat(query.tags()).containsExactly("postgresql", "time-zones");
        assertThat(query.words()).isEqualTo("zebra \"exact phrase\" tag:");
        assertThat(query.text()).isEqualTo("zebra tag:PostgreSQL \"exact phrase\" TAG:time-zones tag:postgresql tag:");
        assertThat(query.narrowedTo("queues")).isEqualTo(query.text() + " tag:queues");
    }

    @Test
    void aQueryWithoutWordsOrTagsIsEmpty() {
        assertThat(SearchQuery.parse(null).isEmpty()).isTrue();
        assertThat(SearchQuery.parse("'\"%_* ~ ( ) :").isEmpty()).isTrue();
        assertThat(SearchQuery.parse("tag:queues").isEmpty()).isFalse();
        assertThat(SearchQuery.parse("tag:queues").lucene()).as("only a tag: every essay in it")
                .isInstanceOf(MatchAllDocsQuery.class);
    }

    @Test
    void longQueriesAreCutToTheirFirstPartsNotRefused() {
        SearchQuery query = SearchQuery.parse("w".repeat(3000));
        assertThat(query.text()).hasSize(SearchQuery.MAX_CHARS);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.append("word").append(i).append(' ');
        }
        SearchQuery cut = SearchQuery.parse(many.toString());
        assertThat(cut.words().split(" ")).hasSize(SearchQuery.MAX_PARTS).startsWith("word0");
        assertThat(leaves(cut.lucene())).isEqualTo(SearchQuery.MAX_PARTS * SearchDocuments.WEIGHTS.size());
    }

    @Test
    void lucenesOwnSyntaxIsTextAndNeverFails() {
        List<String> hostile = List.of("field:x", "title:zebra", "zebra~2", "\"zebra", "zebra\"", "(zebra", "zebra)",
                "[zebra TO x]", "{a", "+zebra -x", "a && b || c", "\\", "*", "**", "a*", "?", "zebra^10", "/re.*gex/",
                "\"a\"~3", "\u0000", "' OR 1=1 --", "\"" + "x \"".repeat(400), "(((((" + "a ".repeat(500));
        for (String text : hostile) {
            assertThatCode(() -> {
                SearchQuery query = SearchQuery.parse(text);
                if (!query.isEmpty()) {
                    assertThat(leaves(query.lucene())).as(text).isLessThanOrEqualTo(SearchQuery.MAX_PARTS * 4 * 4);
                }
            }).as(text).doesNotThrowAnyException();
        }
        assertThat(SearchQuery.parse("title:zebra").lucene().toString()).as("field syntax is two words")
                .contains("title:title").contains("body:zebra").doesNotContain("title:zebra title:title");
    }
}
