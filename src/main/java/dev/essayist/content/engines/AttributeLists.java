package dev.essayist.content.engines;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    static final class AttributeList extends Node {
        final String id;
        final boolean toc;

        AttributeList(BasedSequence chars, String id, boolean toc) {
            super(chars);
            this.id = id;
            this.toc = toc;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    private static final Pattern LIST = Pattern.compile("\\{(:?)([^{}\\n]{0,256})\\}");
    private static final Pattern EXTENSION = Pattern.compile("\\{::(\\w+)[^{}\\n]{0,256}?(/?)\\}|\\{:/\\w*\\}");
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:#(?<id>[A-Za-z][\\w:.-]*)|\\.[\\w-]+"
            + "|(?<key>[\\w-]+)=(?:\"(?<quoted>[^\"]*)\"|'(?<single>[^']*)'|(?<bare>[^\\s\"']+))|(?<word>[A-Za-z][\\w-]*:?))");
    private static final Pattern ID = Pattern.compile("[A-Za-z][\\w:.-]{0,127}");

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
        builder.customInlineParserExtensionFactory(new InlineParserExtensionFactory() {
            @Override
            public CharSequence getCharacters() {
                return "{";
            }

            @Override
            public InlineParserExtension apply(LightInlineParser parser) {
                return new Lists();
            }

            @Override
            public Set<Class<?>> getAfterDependents() {
                return null;
            }

            @Override
            public Set<Class<?>> getBeforeDependents() {
                return null;
            }

            @Override
            public boolean affectsGlobalScope() {
                return false;
            }
        });
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

    /** Reads an attribute list where the inline parser stands, if one is there and may be there. */
    private static final class Lists implements InlineParserExtension {

        @Override
        public void finalizeDocument(InlineParser parser) {
        }

        @Override
        public void finalizeBlock(InlineParser parser) {
        }

        @Override
        public boolean parse(LightInlineParser parser) {
            char next = parser.peek(1);
            if (next == '%' || next == '{') {
                return false; // a Liquid tag or a shortcode
            }
            BasedSequence input = parser.getInput();
            int start = parser.getIndex();
            int end = kramdownExtension(input, start);
            String id = null;
            boolean toc = false;
            if (end < 0) {
                Matcher list = LIST.matcher(input.subSequence(start));
                if (!list.lookingAt() || !wellFormed(list.group(2), !list.group(1).isEmpty())) {
                    return false;
                }
                end = start + list.end();
                boolean kramdown = !list.group(1).isEmpty();
                boolean endsHeading = parser.getBlock() instanceof Heading && input.subSequence(end).isBlank();
                if (!kramdown && !endsHeading && !aloneOnLine(input, start, end)) {
                    return false;
                }
                id = idOf(list.group(2));
                toc = list.group(2).strip().equals("toc");
                if (endsHeading && id != null) {
                    setId((Heading) parser.getBlock(), id);
                }
            }
            parser.flushTextNode();
            if (parser.getBlock() instanceof Heading && parser.getBlock().getLastChild() instanceof Text text) {
                // "Title {#id}" and kramdown's "Title ## {#id}": neither space nor closing #s is heading text
                BasedSequence title = text.getChars().trimEnd();
                BasedSequence withoutHashes = title.trimEnd(CharPredicate.anyOf('#'));
                text.setChars(withoutHashes.length() < title.length() && withoutHashes.endsWith(" ") ? withoutHashes.trimEnd() : title);
            }
            parser.getBlock().appendChild(new AttributeList(input.subSequence(start, end), id, toc));
            parser.setIndex(end);
            return true;
        }
    }

    /** @return the end of a kramdown extension at {@code start} (a comment's with its content), or -1 */
    private static int kramdownExtension(BasedSequence input, int start) {
        if (start + 2 >= input.length() || input.charAt(start + 1) != ':' || input.charAt(start + 2) != ':' && input.charAt(start + 2) != '/') {
            return -1;
        }
        Matcher m = EXTENSION.matcher(input.subSequence(start));
        if (!m.lookingAt()) {
            return -1;
        }
        if ("comment".equals(m.group(1)) && m.group(2).isEmpty()) {
            Matcher close = Pattern.compile("\\{:/(comment)?\\}").matcher(input.subSequence(start + m.end()));
            return close.find() ? start + m.end() + close.end() : -1;
        }
        return start + m.end();
    }

    private static boolean wellFormed(String tokens, boolean kramdown) {
        Matcher token = TOKEN.matcher(tokens);
        int at = 0;
        while (token.find() && token.start() == at) {
            if (token.group("word") != null && !kramdown) {
                return false; // {word} is text unless kramdown's {:word}
            }
            at = token.end();
        }
        return at > 0 && tokens.substring(at).isBlank();
    }

    /** @return the id an attribute list gives ({@code #x} or {@code id="x"}), or {@code null} */
    private static String idOf(String tokens) {
        Matcher token = TOKEN.matcher(tokens);
        while (token.find()) {
            if (token.group("id") != null) {
                return token.group("id");
            }
            if ("id".equals(token.group("key"))) {
                String value = token.group("quoted") != null ? token.group("quoted")
                        : token.group("single") != null ? token.group("single") : token.group("bare");
                return ID.matcher(value).matches() ? value : null;
            }
        }
        return null;
    }

    private static boolean aloneOnLine(BasedSequence input, int start, int end) {
        int lineEnd = input.indexOf('\n', end);
        return (start == 0 || input.charAt(start - 1) == '\n')
                && input.subSequence(end, lineEnd < 0 ? input.length() : lineEnd).isBlank();
    }

    private static void setId(Heading heading, String id) {
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
}
