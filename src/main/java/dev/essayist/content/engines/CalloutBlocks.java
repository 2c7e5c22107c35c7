package dev.essayist.content.engines;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/**
 * A callout shortcode pair ({@link Callouts}) as a container: what is between the opening line and
 * the closing {@code {{% /name %}}} line is parsed as Markdown inside it, as Hugo renders the inner
 * content of these shortcodes. A closing line inside a nested callout of the same name closes that
 * one. Without a closing line the callout runs to the end of the block it is in, and
 * {@link TagRenderer} reports it.
 */
final class CalloutBlocks extends AbstractBlockParser {

    private final Nodes.Callout block;

    /**
     * @param open the opening shortcode
     * @param kind its kind
     */
    CalloutBlocks(Tag open, Callouts.Kind kind) {
        this.block = new Nodes.Callout(open, kind);
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (block.closed) {
            return BlockContinue.none();
        }
        if (state.getIndent() < 4) {
            BasedSequence line = state.getLine();
            Tag tag = Tag.at(line, state.getNextNonSpaceIndex());
            if (tag != null && tag.shortcode() && tag.closing() && tag.name().equals(block.tag.name())
                    && line.subSequence(tag.end()).isBlank() && !closesNested(state)) {
                block.closed = true;
                return BlockContinue.atIndex(state.getLineEndIndex());
            }
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    /** @return whether an open callout of the same name inside this one takes the closing line */
    private boolean closesNested(ParserState state) {
        List<BlockParser> parsers = state.getActiveBlockParsers();
        boolean inside = false;
        for (BlockParser parser : parsers) {
            if (parser == this) {
                inside = true;
            } else if (inside && parser instanceof CalloutBlocks nested && !nested.block.closed
                    && nested.block.tag.name().equals(block.tag.name())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isContainer() {
        return true;
    }

    @Override
    public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
        return true;
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
    }

    @Override
    public void closeBlock(ParserState state) {
    }
}
