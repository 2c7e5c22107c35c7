package dev.essayist.content.render;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import dev.essayist.content.ContentProblem.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * Fenced code blocks that are not code: {@code plantuml} (or {@code puml}) becomes an inline SVG
 * diagram ({@link PlantUml}, {@link DiagramSvg}) in a {@code <figure class="diagram">}, captioned by
 * the fence's {@code title="…"}; {@code math} becomes display MathML ({@link Tex}). Every other
 * fence is rendered by flexmark as usual.
 *
 * <p>{@code mermaid} stays a code block, with a warning at its line: Mermaid lays diagrams out in
 * a browser (it needs a DOM and JavaScript), which neither index-time rendering nor the site's
 * script policy allows. A diagram with an error is shown as its source under a visible note, and
 * reported as an error at the line PlantUML names.
 */
public final class FencedBlocks implements HtmlRenderer.HtmlRendererExtension {

    private FencedBlocks() {
    }

    /** @return the extension, for {@code Parser.EXTENSIONS} */
    public static FencedBlocks create() {
        return new FencedBlocks();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new NodeRenderer() {
            @Override
            public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
                return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, FencedBlocks::render));
            }
        });
    }

    /**
     * @param block a fenced block
     * @return whether it is drawn (a diagram or a formula) rather than shown as code
     */
    public static boolean drawn(FencedCodeBlock block) {
        return switch (language(block)) {
            case "plantuml", "puml", "math" -> true;
            default -> false;
        };
    }

    private static String language(FencedCodeBlock block) {
        return block.getInfo().toString().strip().split("[\\s{]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static void render(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
        String language = language(block);
        String source = block.getContentChars().normalizeEOL();
        switch (language) {
            case "plantuml", "puml" -> diagram(block, source, title(block, context), html);
            case "math" -> MathSyntax.write(block, source.strip(), true, 1, html);
            case "mermaid" -> {
                BlockProblem.report(block, 0, Severity.WARNING, "a mermaid diagram is shown as code: Mermaid lays"
                        + " diagrams out with JavaScript in the reader's browser, which this site does not run;"
                        + " draw it in a plantuml block instead");
                context.delegateRender();
            }
            default -> context.delegateRender();
        }
    }

    /** @return the fence's {@code title="…"}, as {@code CodeBlockTitles} reads it, or {@code null} */
    private static String title(FencedCodeBlock block, NodeRendererContext context) {
        String title = context.extendRenderingNodeAttributes(block, AttributablePart.NODE, null).getValue("data-title");
        return title == null || title.isBlank() ? null : title;
    }

    private static void diagram(FencedCodeBlock block, String source, String title, HtmlWriter html) {
        PlantUml.Result result = PlantUml.render(source);
        if (result instanceof PlantUml.Svg drawn) {
            String svg = DiagramSvg.clean(drawn.svg(), title != null ? title : "Diagram");
            if (svg != null) {
                // Focusable: on a phone a wide diagram scrolls inside its figure (WCAG 2.1.1), like a table.
                html.raw("<figure class=\"diagram\" tabindex=\"0\">").raw(svg);
                if (title != null) {
                    html.raw("<figcaption>").text(title).raw("</figcaption>");
                }
                html.raw("</figure>");
                return;
            }
            result = new PlantUml.Failure(0, "PlantUML wrote no SVG");
        }
        PlantUml.Failure failure = (PlantUml.Failure) result;
        // The fence line comes first; the author's text starts on the next line.
        BlockProblem.report(block, 1 + failure.line(), Severity.ERROR, "diagram error: " + failure.message());
        html.raw("<div class=\"render-error\" role=\"note\"><p>This diagram could not be drawn (")
                .text(failure.message()).raw(").</p><pre><code class=\"language-plantuml\">").text(source)
                .raw("</code></pre></div>");
    }
}
