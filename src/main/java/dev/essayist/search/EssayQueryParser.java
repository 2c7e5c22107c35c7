package dev.essayist.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Lucene's {@link SimpleQueryParser} with only the syntax a reader of a blog types: words (every
 * one must occur, in any searched field), {@code "quoted phrases"} and a trailing {@code *} for a
 * prefix. Every other character is text, so no query is malformed: an unmatched quote is ignored,
 * and {@code field:x}, {@code a~2}, {@code (}, {@code +}, {@code -} and {@code \} only separate
 * words ({@link EssayAnalyzer}). Words are matched with their English stems; a quoted phrase
 * matches its words as written (case and accents aside); a prefix matches words as written.
 * Each part is searched in every field of {@link SearchDocuments#WEIGHTS}, with its weight.
 */
final class EssayQueryParser extends SimpleQueryParser {

    /** The shortest prefix searched as one; {@code a*} is the word {@code a}. */
    static final int MIN_PREFIX = 2;

    private static final QueryBuilder EXACT = new QueryBuilder(EssayAnalyzer.EXACT);

    EssayQueryParser() {
        super(EssayAnalyzer.STEMMED, SearchDocuments.WEIGHTS, PHRASE_OPERATOR | PREFIX_OPERATOR | WHITESPACE_OPERATOR);
        setDefaultOperator(BooleanClause.Occur.MUST);
    }

    @Override
    protected Query newPhraseQuery(String text, int slop) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : weights.entrySet()) {
            Query phrase = EXACT.createPhraseQuery(field.getKey(), text, slop);
            if (phrase != null) {
                fields.add(new BoostQuery(phrase, field.getValue()), BooleanClause.Occur.SHOULD);
            }
        }
        return simplify(fields.build());
    }

    /**
     * {@code node.j*} is the word {@code node} and the prefix {@code j}: the prefix is the last
     * word of the text before the {@code *}, the words before it are words.
     */
    @Override
    protected Query newPrefixQuery(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        String last = words.get(words.size() - 1);
        if (last.length() < MIN_PREFIX) {
            return newDefaultQuery(text);
        }
        Query prefix = super.newPrefixQuery(last);
        if (words.size() == 1) {
            return prefix;
        }
        Query before = newDefaultQuery(String.join(" ", words.subList(0, words.size() - 1)));
        return new BooleanQuery.Builder().add(before, BooleanClause.Occur.MUST)
                .add(prefix, BooleanClause.Occur.MUST).build();
    }

    /** @return the words of {@code text} as written (lower case, accents folded) */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = EssayAnalyzer.EXACT.tokenStream(SearchDocuments.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a query word", e); // a String reader does not fail
        }
        return words;
    }
}
