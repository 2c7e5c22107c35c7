package dev.essayist.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * How text becomes search terms, the same for essays and queries: words are runs of letters and
 * digits ({@code \p{L}}, {@code \p{N}}; so {@code SKIP_LOCKED}, {@code field:x} and {@code node.js}
 * are two words each), compared in lower case with accents folded ({@code café} is {@code cafe},
 * Lucene's {@link ASCIIFoldingFilter}).
 *
 * <p>{@link #STEMMED}, for indexing and for words typed, keeps each word as written and, at the
 * same position, its English stem (Porter's algorithm, {@link PorterStemFilter}; a Lucene
 * {@link KeywordRepeatFilter} chain): {@code queues} finds {@code queue} and {@code locking} finds
 * {@code locked}, while a word as written still matches a prefix ({@code transacti*} finds
 * {@code transactions}) and an exact phrase. {@link #EXACT}, for quoted phrases, gives the words as
 * written only.
 */
final class EssayAnalyzer extends Analyzer {

    /** Words as written and their stems: the index, and unquoted query words. */
    static final Analyzer STEMMED = new EssayAnalyzer(true);
    /** Words as written: quoted phrases. */
    static final Analyzer EXACT = new EssayAnalyzer(false);

    private final boolean stems;

    private EssayAnalyzer(boolean stems) {
        this.stems = stems;
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer words = CharTokenizer.fromTokenCharPredicate(EssayAnalyzer::isWordChar);
        TokenStream terms = new ASCIIFoldingFilter(new LowerCaseFilter(words));
        if (stems) {
            terms = new RemoveDuplicatesTokenFilter(new PorterStemFilter(new KeywordRepeatFilter(terms)));
        }
        return new TokenStreamComponents(words, terms);
    }

    /** What a prefix ({@code queu*}) is compared in: lower case, accents folded, not stemmed. */
    @Override
    protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** @return whether {@code c} is part of a word: a letter or a digit ({@code \p{L}}, {@code \p{N}}) */
    static boolean isWordChar(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
