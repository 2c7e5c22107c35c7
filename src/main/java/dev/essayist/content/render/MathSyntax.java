package dev.essayist.content.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.essayist.content.ContentProblem.Severity;
import java.util.Set;

/**
 * Math as GitHub writes it: {@code $…$} inline and {@code $$…$$} display, rendered to MathML by
 * {@link Tex} (a {@code math} fence is handled by {@link FencedBlocks}).
 *
 * <p>A {@code $} opens inline math only when a non-space character follows it, and the closing
 * {@code $} must follow a non-space character and not be followed by a digit (Pandoc's
 * {@code tex_math_dollars} rule, which GitHub's matches), so prices such as "$5 and $10" stay text.
 * {@code \$} is a literal dollar sign (CommonMark's backslash escape). Code spans are never math.
 * A formula with a TeX error is shown as its source in {@code <code class="math-error">} and
 * reported as an error at its line.
 *
 * <p>For a blog moved from Jekyll or Hugo ({@link #doubleDollars()}), math is what its engine
 * delimited: only {@code $$…$$} (kramdown's syntax, "Math Blocks"; the {@code $$} pair of the
 * passthrough delimiters in Hugo's "Mathematics in Markdown"), and a single {@code $} is a dollar
 * sign, so prose such as {@code "$time $metadata[$level]"} stays text as it did there.
 */
public final class MathSyntax implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** Whether a single {@code $} delimits inline math (GitHub's syntax) or is text (kramdown's). */
    private final boolean singleDollars;

    private MathSyntax(boolean singleDollars) {
        this.singleDollars = singleDollars;
    }

    /** @return the extension with GitHub's math, for {@code Parser.EXTENSIONS} */
    public static MathSyntax create() {
        return new MathSyntax(true);
    }

    /** @return the extension with {@code $$} math only, for a blog moved from Jekyll or Hugo */
    public static MathSyntax doubleDollars() {
        return new MathSyntax(false);
    }

    /** A formula in a paragraph. */
    static final class MathNode extends Extensions.Leaf {
        final String tex;
        final boolean display;

        MathNode(BasedSequence chars, String tex, boolean display) {
            super(chars);
            this.tex = tex;
            this.display = display;
        }
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new DollarInlines(singleDollars));
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new NodeRenderer() {
            @Override
            public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
                return Set.of(new NodeRenderingHandler<>(MathNode.class, (node, context, html) -> render(node, html)));
            }
        });
    }

    private static void render(MathNode node, HtmlWriter html) {
        write(node, node.tex, node.display, 0, html);
    }

    /**
     * Writes one formula as MathML, or as its source with a reported error.
     *
     * @param node    the node the formula is in, for its line
     * @param tex     the formula
     * @param display whether it is display math
     * @param offset  lines from the node's first line to the formula's
     * @param html    where to write
     */
    static void write(Node node, String tex, boolean display, int offset, HtmlWriter html) {
        try {
            html.raw(Tex.toMathMl(tex, display));
        } catch (Tex.TexException e) {
            BlockProblem.report(node, offset, Severity.ERROR, "TeX error: " + e.getMessage());
            String delimiter = display ? "$$" : "$";
            html.raw("<code class=\"math-error\">").text(delimiter + tex + delimiter).raw("</code>");
        }
    }

    /** Finds {@code $…$} and {@code $$…$$} at the parser's position. */
    private static final class Dollars implements Extensions.InlineExtension {

        private final boolean singleDollars;

        Dollars(boolean singleDollars) {
            this.singleDollars = singleDollars;
        }

        @Override
        public boolean parse(LightInlineParser parser) {
            BasedSequence input = parser.getInput();
            int start = parser.getIndex();
            boolean display = parser.peek(1) == '$';
            if (!display && !singleDollars) {
                return false;
            }
            int open = start + (display ? 2 : 1);
            int close = display ? closeDisplay(input, open) : closeInline(input, open);
            if (close < 0) {
                return false;
            }
            int end = close + (display ? 2 : 1);
            parser.flushTextNode();
            String tex = input.subSequence(open, close).toString().strip();
            parser.getBlock().appendChild(new MathNode(input.subSequence(start, end), tex, display));
            parser.setIndex(end);
            return true;
        }

        private static int closeDisplay(BasedSequence input, int from) {
            for (int i = from; i + 1 < input.length(); i++) {
                if (input.charAt(i) == '\\') {
                    i++;
                } else if (input.charAt(i) == '$' && input.charAt(i + 1) == '$') {
                    return i > from && !input.subSequence(from, i).isBlank() ? i : -1;
                }
            }
            return -1;
        }

        private static int closeInline(BasedSequence input, int from) {
            if (from >= input.length() || Character.isWhitespace(input.charAt(from)) || input.charAt(from) == '$') {
                return -1;
            }
            for (int i = from; i < input.length(); i++) {
                char c = input.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '$') {
                    boolean afterSpace = Character.isWhitespace(input.charAt(i - 1));
                    boolean beforeDigit = i + 1 < input.length() && Character.isDigit(input.charAt(i + 1));
                    if (!afterSpace && !beforeDigit && i > from) {
                        return i;
                    }
                    if (!afterSpace) {
                        return -1; // "$5$1": not math, and no later $ can close it either
                    }
                }
            }
            return -1;
        }
    }

    /** Parses at {@code $}. */
    private static final class DollarInlines extends Extensions.IndependentInlines {
        DollarInlines(boolean singleDollars) {
            super("$", () -> new Dollars(singleDollars));
        }
    }
}
