package dev.essayist.content.engines;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.render.Extensions;

/**
 * A tag alone on its line, or on several lines for a shortcode whose parameters are spread over
 * them, is a block of its own: a highlighted code block ({@link Highlights}), a callout
 * ({@link CalloutBlocks}), a figure ({@link HugoFigure}), or a {@link Nodes.TagBlock} (an embed,
 * a {@code raw} marker, or a tag the site does not run, which {@link TagRenderer} reports). Such a
 * line interrupts a paragraph, as the engines' output (HTML) would. Tags that stand for text
 * ({@link Values}) stay in their paragraph; a tag between {@code {% raw %}} and {@code {% endraw %}}
 * is text; a line indented four spaces or more is code.
 */
final class TagLines extends AbstractBlockParser {

    /** Most blocks a callout may be inside (callouts, lists, quotes), so no body can nest past the stack. */
    static final int MAX_DEPTH = 32;

    private static final NullableDataKey<TagScanner> SCANNER = new NullableDataKey<>("ESSAYIST_TAG_LINES_SCANNER");

    private final Block block;
    private final int end;

    private TagLines(Block block, int end) {
        this.block = block;
        this.end = end;
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        // the further lines of a shortcode spread over several
        return state.getLine().getStartOffset() < end ? BlockContinue.atIndex(state.getLineEndIndex()) : BlockContinue.none();
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
    }

    @Override
    public void closeBlock(ParserState state) {
    }

    @Override
    public void parseInlines(InlineParser inlineParser) {
        if (block.getLastChild() instanceof Nodes.Caption caption && caption.caption != null) {
            inlineParser.parse(caption.caption, caption);
        }
    }

    /** Registers the block starts, for {@code Parser.Builder#customBlockParserFactory}. */
    static final class Factory extends Extensions.IndependentBlocks {

        @Override
        public BlockParserFactory apply(DataHolder options) {
            PostUrls urls = EngineSyntax.POST_URLS.get(options);
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    return start(state, urls);
                }
            };
        }
    }

    private static BlockStart start(ParserState state, PostUrls urls) {
        BasedSequence line = state.getLine();
        int at = state.getNextNonSpaceIndex();
        if (state.getIndent() >= 4 || at + 3 >= line.length() || line.charAt(at) != '{'
                || line.charAt(at + 1) != '%' && line.charAt(at + 1) != '{') {
            return BlockStart.none();
        }
        Document document = (Document) state.getProperties();
        int offset = line.getIndexOffset(at);
        if (RawRegions.of(document).literal(offset)) {
            return BlockStart.none();
        }
        // Read from the whole source, so a shortcode may go on over the following lines.
        BasedSequence source = line.getBaseSequence();
        Tag tag = scanner(document, source).at(offset);
        if (tag == null || tag.kind() == Tag.Kind.LIQUID_OBJECT || tag.kind() == Tag.Kind.SHORTCODE_COMMENT
                || !restOfLineBlank(source, tag.end()) || Values.of(tag, urls) != null) {
            return BlockStart.none();
        }
        AbstractBlockParser parser;
        Callouts.Kind kind = Callouts.kind(tag);
        if (Highlights.opens(tag)) {
            parser = new Highlights(tag);
        } else if (kind != null && state.getActiveBlockParsers().size() <= MAX_DEPTH) {
            parser = new CalloutBlocks(tag, kind);
        } else if (tag.shortcode() && !tag.closing() && tag.name().equals("figure") && HugoFigure.image(tag) != null) {
            parser = new TagLines(HugoFigure.figure(tag), tag.end());
        } else {
            parser = new TagLines(new Nodes.TagBlock(tag), tag.end());
        }
        return BlockStart.of(parser).atIndex(state.getLineEndIndex());
    }

    /** @return the scanner of the document's whole source, made once per document */
    private static TagScanner scanner(Document document, BasedSequence source) {
        TagScanner scanner = SCANNER.get(document);
        if (scanner == null || scanner.text() != source) {
            scanner = new TagScanner(source);
            document.set(SCANNER, scanner);
        }
        return scanner;
    }

    /** @return whether only white space follows {@code from} on its line (looked at up to {@link Tag#MAX_LENGTH} characters) */
    private static boolean restOfLineBlank(BasedSequence source, int from) {
        int limit = Math.min(source.length(), from + Tag.MAX_LENGTH);
        for (int i = from; i < limit && source.charAt(i) != '\n'; i++) {
            if (!Character.isWhitespace(source.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
