package dev.essayist.content.engines;

import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.render.Extensions;

/**
 * Tags inside a line of text (a paragraph, heading, list item or table cell) become
 * {@link Nodes.InlineTag}s, or, for Hugo's {@code figure}, the image itself ({@link HugoFigure}).
 * Code spans and code blocks never reach here, so a tag in code stays as written; so does a tag
 * between {@code {% raw %}} and {@code {% endraw %}}.
 */
final class InlineTags implements Extensions.InlineExtension {

    /** The paragraph being read and its tags, found once for the whole paragraph. */
    private TagScanner scanner;

    private InlineTags() {
    }

    @Override
    public boolean parse(LightInlineParser parser) {
        char next = parser.peek(1);
        if (next != '%' && next != '{') {
            return false;
        }
        BasedSequence input = parser.getInput();
        if (RawRegions.of(parser.getDocument()).literal(input.getIndexOffset(parser.getIndex()))) {
            return false;
        }
        if (scanner == null || scanner.text() != input) {
            scanner = new TagScanner(input);
        }
        Tag tag = scanner.at(parser.getIndex());
        if (tag == null) {
            return false;
        }
        Node node = null;
        if (tag.shortcode() && !tag.closing() && tag.name().equals("figure")) {
            node = HugoFigure.image(tag);
            if (node != null) {
                HugoFigure.titleInline(tag, node);
            }
        }
        parser.flushTextNode();
        parser.getBlock().appendChild(node != null ? node : new Nodes.InlineTag(tag,
                Values.of(tag, EngineSyntax.POST_URLS.get(parser.getDocument()))));
        parser.setIndex(tag.end());
        return true;
    }

    /** The factory, for {@code Parser.Builder#customInlineParserExtensionFactory}. */
    static final class Factory extends Extensions.IndependentInlines {
        Factory() {
            super("{", InlineTags::new);
        }
    }
}
