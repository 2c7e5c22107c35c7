package dev.essayist.content;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.essayist.content.engines.AttributeLists;
import dev.essayist.content.engines.EngineSyntax;
import dev.essayist.content.engines.PostUrls;
import dev.essayist.content.render.CheapAutolinks;
import dev.essayist.content.render.SharedTables;
import dev.essayist.content.render.BlockProblem;
import dev.essayist.content.render.FencedBlocks;
import dev.essayist.content.render.Figures;
import dev.essayist.content.render.ImageFiles;
import dev.essayist.content.render.ImageVariants;
import dev.essayist.content.render.MathSyntax;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Markdown to HTML, once per file at index time: CommonMark 0.31 plus GitHub's tables,
 * strikethrough, task lists and autolinks, footnotes, ids with anchor links on headings, and
 * file names on fenced code ({@link CodeBlockTitles}); and, for technical writing
 * ({@code content.render}), PlantUML diagrams, TeX math, GitHub's alerts, figures with sized and
 * resized images, and sidenotes; and the body syntax of posts moved from Jekyll and Hugo
 * ({@code content.engines}: Liquid tags, shortcodes, heading ids and kramdown attribute lists).
 *
 * <p>After sanitising ({@link HtmlSanitizer}), a body's HTML is finished by {@link BodyFinisher}.
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built, and each call makes
 * its own document.
 */
public final class MarkdownRenderer {

    /** Words a minute for the reading-time estimate (a common figure for technical prose). */
    static final int WORDS_PER_MINUTE = 230;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final BodyFinisher finisher;

    /** Builds the parser and renderer with Essayist's extensions; images are not looked up. */
    public MarkdownRenderer() {
        this(ImageFiles.none(), ImageVariants.none());
    }

    /**
     * Builds the parser and renderer with Essayist's extensions.
     *
     * @param images   finds the file behind an image's {@code src}, for its size
     * @param variants makes resized copies of large images, for {@code srcset}
     */
    public MarkdownRenderer(ImageFiles images, ImageVariants variants) {
        this(images, variants, PostUrls.DEFAULT);
    }

    /**
     * Builds the parser and renderer with Essayist's extensions.
     *
     * @param images   finds the file behind an image's {@code src}, for its size
     * @param variants makes resized copies of large images, for {@code srcset}
     * @param postUrls the URL of another post named by Jekyll's {@code post_url}/{@code link} or Hugo's {@code ref}/{@code relref}
     */
    public MarkdownRenderer(ImageFiles images, ImageVariants variants, PostUrls postUrls) {
        this(images, variants, postUrls, MathSyntax.create());
    }

    /**
     * Builds the parser and renderer with Essayist's extensions.
     *
     * @param images   finds the file behind an image's {@code src}, for its size
     * @param variants makes resized copies of large images, for {@code srcset}
     * @param postUrls the URL of another post named by Jekyll's {@code post_url}/{@code link} or Hugo's {@code ref}/{@code relref}
     * @param math     which dollars delimit math: {@link MathSyntax#create()} (GitHub's) or
     *                 {@link MathSyntax#doubleDollars()} (a blog moved from Jekyll or Hugo)
     */
    public MarkdownRenderer(ImageFiles images, ImageVariants variants, PostUrls postUrls, MathSyntax math) {
        this.finisher = new BodyFinisher(new Figures(images, variants));
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(
                        new SharedTables(), StrikethroughExtension.create(), TaskListExtension.create(),
                        new CheapAutolinks(), FootnoteExtension.create(), AnchorLinkExtension.create(),
                        CodeBlockTitles.create(), math, FencedBlocks.create(),
                        EngineSyntax.create(postUrls), AttributeLists.create()))
                .set(TablesExtension.CLASS_NAME, "")
                // Line starts are recorded while parsing, so a node's line is a binary search
                // (References); without it flexmark scans the text from its start for every node.
                .set(Parser.TRACK_DOCUMENT_LINES, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                .set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false)
                .set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false)
                .set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor")
                .set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX, "#")
                .set(FootnoteExtension.FOOTNOTE_BACK_LINK_REF_CLASS, "footnote-backref");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * Renders a Markdown body whose file is unknown (relative images are not looked up).
     *
     * @param markdown CommonMark text, LF line endings
     * @return the HTML fragment and what was learned while rendering it
     */
    public RenderedMarkdown render(String markdown) {
        return render(markdown, null);
    }

    /**
     * Renders a Markdown body.
     *
     * @param markdown   CommonMark text, LF line endings
     * @param sourceFile the file the body is in (relative image paths are beside it), or {@code null}
     * @return the HTML fragment and what was learned while rendering it
     */
    public RenderedMarkdown render(String markdown, Path sourceFile) {
        com.vladsch.flexmark.util.ast.Document document = EngineSyntax.parse(parser, markdown);
        List<Reference> references = References.of(document);
        String rendered = renderer.render(document);
        // The sanitised output goes straight into jsoup's tree when flexmark wrote all of it;
        // raw HTML from the author takes the text path, where jsoup parses what the policy wrote.
        Document doc = (hasRawHtml(document) ? Optional.<Document>empty() : HtmlSanitizer.sanitizeToDocument(rendered))
                .orElseGet(() -> Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(rendered)));
        return finisher.finish(doc, sourceFile, references, hasCode(document), List.copyOf(BlockProblem.of(document)));
    }

    /**
     * Renders a body written in HTML (a post file ending in {@code .html}, as Jekyll and Hugo take
     * them): the same sanitiser and the same treatment as a Markdown body's HTML.
     *
     * @param html       the author's HTML fragment
     * @param sourceFile the file the body is in, or {@code null}
     * @return the sanitised fragment and what was learned while reading it
     */
    public RenderedMarkdown renderHtml(String html, Path sourceFile) {
        Document doc = Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(html));
        return finisher.finish(doc, sourceFile, List.of(), !doc.body().select(BodyFinisher.PRES).isEmpty(), List.of());
    }

    /** @return whether the body has a code block, fenced or indented (read from the syntax tree) */
    private static boolean hasCode(com.vladsch.flexmark.util.ast.Document document) {
        for (Node node : document.getDescendants()) {
            if (node instanceof FencedCodeBlock fenced && !FencedBlocks.drawn(fenced) || node instanceof IndentedCodeBlock) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the author wrote HTML (a block, inline tag or comment) anywhere in the body */
    private static boolean hasRawHtml(com.vladsch.flexmark.util.ast.Document document) {
        for (Node node : document.getDescendants()) {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                return true;
            }
        }
        return false;
    }
}
