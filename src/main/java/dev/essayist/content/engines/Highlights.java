package dev.essayist.content.engines;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Jekyll's {@code {% highlight ruby linenos %}…{% endhighlight %}} (Jekyll, "Liquid: Tags: Code
 * snippet highlighting") and Hugo's {@code {{< highlight go "linenos=table" >}}…{{< /highlight >}}}
 * (Hugo, "highlight" shortcode) as a fenced code block in the language named first: the same
 * {@code <pre><code class="language-ruby">} with the lines exactly as written, since both engines
 * take the body verbatim, not as Markdown. Empty lines right after the opening tag and before the
 * closing one are dropped, as both engines drop them; Liquid also ends the block at an
 * {@code {% endhighlight %}} written at the end of a line of code. Options such as {@code linenos},
 * {@code hl_lines} and {@code mark_lines} are accepted and not drawn, so the code copies cleanly.
 */
final class Highlights extends AbstractBlockParser {

    private final FencedCodeBlock block = new FencedCodeBlock();
    private final BlockContent content = new BlockContent();
    private final Tag open;
    private boolean closed;

    /** @param open the opening tag ({@link #opens(Tag)}) */
    Highlights(Tag open) {
        this.open = open;
    }

    /** @return whether the tag opens a highlighted block */
    static boolean opens(Tag tag) {
        return tag.name().equals("highlight") && (tag.kind() == Tag.Kind.LIQUID || tag.shortcode() && !tag.closing());
    }

    private boolean closes(Tag tag) {
        return open.kind() == Tag.Kind.LIQUID ? tag.kind() == Tag.Kind.LIQUID && tag.name().equals("endhighlight")
                : tag.shortcode() && tag.closing() && tag.name().equals("highlight");
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (closed) {
            return BlockContinue.none();
        }
        if (state.getIndent() < 4) {
            BasedSequence line = state.getLine();
            Tag tag = Tag.at(line, state.getNextNonSpaceIndex());
            if (tag != null && closes(tag) && line.subSequence(tag.end()).isBlank()) {
                block.setClosingMarker(tag.chars());
                closed = true;
                return BlockContinue.finished();
            }
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        int close = closerIn(line);
        if (close >= 0) {
            closed = true; // "…code{% endhighlight %}": Liquid ends the body right there
            line = line.subSequence(0, close);
        }
        content.add(line, state.getIndent());
    }

    /** @return where a closing tag starts inside a line of code (Liquid only), or -1 */
    private int closerIn(BasedSequence line) {
        if (open.kind() != Tag.Kind.LIQUID || content.getLineCount() == 0) {
            return -1;
        }
        TagScanner scanner = new TagScanner(line);
        for (int i = line.indexOf("{%"); i >= 0; i = line.indexOf("{%", i + 2)) {
            Tag tag = scanner.at(i);
            if (tag != null && closes(tag)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void closeBlock(ParserState state) {
        List<BasedSequence> lines = new ArrayList<>(content.getLines());
        if (!lines.isEmpty()) {
            lines.remove(0); // what followed the opening tag on its line: nothing
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        block.setOpeningMarker(open.chars());
        BasedSequence language = open.sequence("lang", 0);
        if (language != null && !language.isBlank()) {
            block.setInfo(language);
        }
        if (lines.isEmpty()) {
            block.setContent(open.chars(), BasedSequence.EMPTY_LIST);
        } else {
            BasedSequence spanning = lines.get(0).baseSubSequence(lines.get(0).getStartOffset(), lines.get(lines.size() - 1).getEndOffset());
            block.setContent(spanning, lines);
            block.appendChild(new Text(SegmentedSequence.create(spanning, lines)));
        }
        block.setCharsFromContent();
        if (!closed) {
            Problems.warn((Document) state.getProperties(), open.chars().getStartOffset(), open.label()
                    + " has no closing " + (open.kind() == Tag.Kind.LIQUID ? "{% endhighlight %}" : "{{< /highlight >}}")
                    + "; the code runs to the end of the enclosing block");
        }
    }
}
