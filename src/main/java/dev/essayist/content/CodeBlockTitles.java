package dev.essayist.content;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * File names on fenced code blocks: {@code ```sql title="queue.sql"} renders as
 * {@code <figure class="code-block"><figcaption class="code-title">queue.sql</figcaption><pre>…</pre></figure>}.
 *
 * <p>The info string's first word stays the language (CommonMark 0.31 §4.5); the {@code title}
 * attribute follows the convention of Docusaurus and MkDocs, quoted ({@code title="a b.sql"}) or
 * bare ({@code title=queue.sql}). flexmark carries it to the {@code <pre>} as {@code data-title},
 * and {@link #wrap(Element)} turns that into the caption, as text (never markup).
 */
final class CodeBlockTitles implements HtmlRenderer.HtmlRendererExtension {

    private static final String ATTRIBUTE = "data-title";
    /** Parsed once: jsoup parses a selector string on every select() call. */
    private static final org.jsoup.select.Evaluator TITLED = org.jsoup.select.QueryParser.parse("pre[" + ATTRIBUTE + "]");
    private static final Pattern TITLE = Pattern.compile("(?:^|\\s)title=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    static CodeBlockTitles create() {
        return new CodeBlockTitles();
    }

    /**
     * @param info a fenced code block's info string, e.g. {@code sql title="queue.sql"}
     * @return the title, or {@code null} when there is none or it is blank
     */
    static String titleOf(String info) {
        Matcher m = TITLE.matcher(info);
        if (!m.find()) {
            return null;
        }
        String title = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return title.isBlank() ? null : title.strip();
    }

    /**
     * Wraps every {@code pre[data-title]} under {@code body} in a captioned figure.
     *
     * @param body a rendered body
     */
    static void wrap(Element body) {
        for (Element pre : body.select(TITLED)) {
            String title = pre.attr(ATTRIBUTE);
            pre.removeAttr(ATTRIBUTE);
            Element figure = new Element("figure").addClass("code-block");
            pre.before(figure);
            figure.appendChild(pre);
            figure.prependElement("figcaption").addClass("code-title").text(title);
        }
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return CodeBlockTitles::setAttributes;
            }
        });
    }

    private static void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof FencedCodeBlock block && part == AttributablePart.NODE) {
            String title = titleOf(block.getInfo().toString());
            if (title != null) {
                attributes.replaceValue(ATTRIBUTE, title);
            }
        }
    }
}
