package dev.essayist.content.engines;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import dev.essayist.content.render.BlockProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The body syntax of Jekyll (Liquid tags) and Hugo (shortcodes), so posts written for either
 * publish unchanged: highlighted code ({@link Highlights}), {@code raw} ({@link RawRegions}), links
 * to other posts ({@link Values}, {@link PostUrls}), figures ({@link HugoFigure}), embedded videos
 * and posts as links ({@link Embeds}), callouts ({@link Callouts}). A tag in code stays as written;
 * any other tag the site does not run is left out of the page and reported with its line
 * ({@link TagRenderer}). Register it in {@code Parser.EXTENSIONS} and parse with {@link #parse}.
 */
public final class EngineSyntax implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** How file names become URLs, for the parsers and renderer of one {@code Parser}. */
    static final DataKey<PostUrls> POST_URLS = new DataKey<>("ESSAYIST_POST_URLS", PostUrls.DEFAULT);

    private final PostUrls urls;

    private EngineSyntax(PostUrls urls) {
        this.urls = urls;
    }

    /**
     * @param urls turns the file names of {@code post_url}, {@code link}, {@code ref} and {@code relref} into URLs
     * @return the extension, for {@code Parser.EXTENSIONS}
     */
    public static EngineSyntax create(PostUrls urls) {
        return new EngineSyntax(urls);
    }

    /**
     * Parses a body with the tags that stand for text replaced by it ({@link Substitutions}): one
     * parse, or two when the body has such tags outside code.
     *
     * @param parser   a parser with this extension
     * @param markdown the body
     * @return its syntax tree, with the problems found so far in {@link BlockProblem#of}
     */
    public static Document parse(Parser parser, String markdown) {
        Document document = parser.parse(markdown);
        if (!markdown.contains("{%") && !markdown.contains("{{")) {
            return document;
        }
        List<BlockProblem> problems = new ArrayList<>();
        String replaced = Substitutions.apply(document, markdown, problems);
        if (replaced == null) {
            return document;
        }
        Document again = parser.parse(replaced);
        BlockProblem.of(again).addAll(0, problems.subList(0, Math.min(problems.size(), Problems.MAX_REPORTED)));
        return again;
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        options.set(POST_URLS, urls);
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new TagLines.Factory());
        builder.customInlineParserExtensionFactory(new InlineTags.Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new TagRenderer());
    }
}
