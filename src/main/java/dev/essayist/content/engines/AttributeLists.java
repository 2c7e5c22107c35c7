package dev.essayist.content.engines;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.render.Extensions;
import java.util.Set;

/**
 * Attribute lists, never shown as text:
 * <ul>
 *   <li>{@code ## Title {#custom-id}} (also with {@code .class} and {@code key=value}) at the end of a
 *       heading sets its id, as Hugo (Goldmark's heading attributes) and kramdown ("Specifying a
 *       Header ID") do; a kramdown block attribute list {@code {: #custom-id}} on the line after a
 *       heading does the same;</li>
 *   <li>kramdown's other attribute lists, {@code {: .class}} after a block or {@code {:target="_blank"}}
 *       after a span, its attribute definitions {@code {:ref: .class}} and extensions
 *       ({@code {::options … /}}, {@code {::comment}…{:/comment}}, whose content goes too), and Hugo's
 *       block attributes {@code {.class}} on a line of their own, are taken out: classes and other
 *       attributes have no meaning in this site's stylesheet;</li>
 *   <li>kramdown's generated table of contents, a list whose item ends in {@code {:toc}}, is taken
 *       out with its list: every essay page shows its own table of contents.</li>
 * </ul>
 * A brace that is not a well-formed attribute list in one of those places is text.
 */
public final class AttributeLists implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** An attribute list in the syntax tree; written as nothing. */
    static final class AttributeList extends Extensions.Leaf {
        final String id;
        final boolean toc;

        AttributeList(BasedSequence chars, String id, boolean toc) {
            super(chars);
            this.id = id;
            this.toc = toc;
        }
    }

    private AttributeLists() {
    }

    /** @return the extension, for {@code Parser.EXTENSIONS} */
    public static AttributeLists create() {
        return new AttributeLists();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new BraceInlines());
        builder.postProcessorFactory(new NodePostProcessorFactory(false) {
            {
                addNodes(Paragraph.class);
            }

            @Override
            public NodePostProcessor apply(Document document) {
                return new NodePostProcessor() {
                    @Override
                    public void process(NodeTracker state, Node node) {
                        afterParagraph(state, (Paragraph) node);
                    }
                };
            }
        });
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new NodeRenderer() {
            @Override
            public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
                return Set.of(new NodeRenderingHandler<>(AttributeList.class, (node, context, html) -> { }));
            }
        });
    }

    /** Gives a heading the id an attribute list names, in place of the one made from its text. */
    static void setId(Heading heading, String id) {
        heading.setAnchorRefId(id);
        heading.setExplicitAnchorRefId(true);
    }

    /**
     * Takes out a paragraph that held only attribute lists (giving a heading before it the id of a
     * {@code {: #id}}), and a list whose item asks for kramdown's table of contents.
     */
    private static void afterParagraph(NodeTracker state, Paragraph paragraph) {
        boolean onlyLists = true;
        AttributeList first = null;
        for (Node child : paragraph.getChildren()) {
            if (child instanceof AttributeList list) {
                first = first == null ? list : first;
                if (list.toc && paragraph.getAncestorOfType(ListBlock.class) instanceof ListBlock toc) {
                    toc.unlink();
                    state.nodeRemoved(toc);
                    return;
                }
            } else if (!(child instanceof SoftLineBreak || child instanceof Text && child.getChars().isBlank())) {
                onlyLists = false;
            }
        }
        if (first == null) {
            return;
        }
        if (!onlyLists) {
            Node last = paragraph.getLastChild();
            if (last instanceof AttributeList && last.getPrevious() instanceof SoftLineBreak lineBreak) {
                lineBreak.unlink(); // "text\n{: .class}": no line break left at the paragraph's end
            }
            return;
        }
        if (first.id != null && paragraph.getPrevious() instanceof Heading heading) {
            setId(heading, first.id);
        }
        paragraph.unlink();
        state.nodeRemoved(paragraph);
    }

    /** Parses at {@code {}. */
    private static final class BraceInlines extends Extensions.IndependentInlines {
        BraceInlines() {
            super("{", AttributeListParser::new);
        }
    }
}
