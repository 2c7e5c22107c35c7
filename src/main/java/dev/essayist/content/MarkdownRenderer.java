package dev.essayist.content;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import dev.essayist.post.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.essayist.content.render.Alerts;
import dev.essayist.content.render.BlockProblem;
import dev.essayist.content.render.FencedBlocks;
import dev.essayist.content.render.Figures;
import dev.essayist.content.render.ImageFiles;
import dev.essayist.content.render.ImageVariants;
import dev.essayist.content.render.MathSyntax;
import dev.essayist.content.render.Sidenotes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Markdown to HTML, once per file at index time: CommonMark 0.31 plus GitHub's tables,
 * strikethrough, task lists and autolinks, footnotes, ids with anchor links on headings, and
 * file names on fenced code ({@link CodeBlockTitles}); and, for technical writing
 * ({@code content.render}), PlantUML diagrams, TeX math, GitHub's alerts, figures with sized and
 * resized images, and sidenotes.
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built, and each call makes
 * its own document.
 */
public final class MarkdownRenderer {

    /** Words a minute for the reading-time estimate (a common figure for technical prose). */
    static final int WORDS_PER_MINUTE = 230;

    private static final int EXCERPT_CHARS = 280;

    // Selectors parsed once: jsoup parses a selector string on every select() call.
    private static final Evaluator HEADINGS = QueryParser.parse("h2[id], h3[id]");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator TABLES = QueryParser.parse("table");
    private static final Evaluator PRES = QueryParser.parse("pre");
    private static final Evaluator FIRST_PARAGRAPHS = QueryParser.parse("body > p");
    private static final Evaluator IDS = QueryParser.parse("[id]");
    private static final Evaluator ANCHORS = QueryParser.parse("a.anchor");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Figures figures;

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
        this.figures = new Figures(images, variants);
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(
                        new Tables(), StrikethroughExtension.create(), TaskListExtension.create(),
                        new Autolinks(), FootnoteExtension.create(), AnchorLinkExtension.create(),
                        CodeBlockTitles.create(), MathSyntax.create(), FencedBlocks.create()))
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
        com.vladsch.flexmark.util.ast.Document document = parser.parse(markdown);
        List<Reference> references = References.of(document);
        String rendered = renderer.render(document);
        // The sanitised output goes straight into jsoup's tree when flexmark wrote all of it;
        // raw HTML from the author takes the text path, where jsoup parses what the policy wrote.
        Document doc = (hasRawHtml(document) ? Optional.<Document>empty() : HtmlSanitizer.sanitizeToDocument(rendered))
                .orElseGet(() -> Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(rendered)));
        return finish(doc, sourceFile, references, hasCode(document), List.copyOf(BlockProblem.of(document)));
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
        return finish(doc, sourceFile, List.of(), !doc.body().select(PRES).isEmpty(), List.of());
    }

    private RenderedMarkdown finish(Document doc, Path sourceFile, List<Reference> references, boolean hasCode,
                                    List<BlockProblem> problems) {
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        Alerts.apply(body);
        figures.apply(body, sourceFile);

        List<Heading> headings = new ArrayList<>();
        for (Element h : body.select(HEADINGS)) {
            headings.add(new Heading(h.nameIs("h2") ? 2 : 3, h.id(), headingText(h)));
        }
        Set<String> links = new LinkedHashSet<>();
        for (Element a : body.select(LINKS)) {
            links.add(a.attr("href"));
        }
        // Wide tables and code scroll inside their own box; a scrollable box must be focusable
        // so keyboard users can scroll it (WCAG 2.1.1).
        for (Element table : body.select(TABLES)) {
            Element wrap = new Element("div").addClass("table-wrap").attr("tabindex", "0").attr("role", "region")
                    .attr("aria-label", "Table");
            table.before(wrap);
            wrap.appendChild(table);
        }
        for (Element pre : body.select(PRES)) {
            pre.attr("tabindex", "0");
        }
        CodeBlockTitles.wrap(body);
        Element firstParagraph = body.selectFirst(FIRST_PARAGRAPHS);
        String excerpt = firstParagraph == null ? "" : truncate(firstParagraph.text(), EXCERPT_CHARS);
        String text = body.text();
        int words = countWords(text);
        Set<String> anchors = new LinkedHashSet<>(body.select(IDS).eachAttr("id"));
        Sidenotes.add(body);
        return new RenderedMarkdown(body.html(), headings, List.copyOf(links), excerpt, words, references,
                Set.copyOf(anchors), text, hasCode, problems);
    }

    /**
     * flexmark's {@code TablesExtension}, with one table pre-processor for every body. flexmark makes
     * a new one per body, and each compiles its header-separator regex again; the pre-processor keeps
     * nothing of a body (it reads the paragraph and parser state it is handed, and its options and
     * regex never change), so one serves every body and thread.
     */
    static final class Tables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

        private final TablesExtension tables = TablesExtension.create();

        @Override
        public void parserOptions(MutableDataHolder options) {
            tables.parserOptions(options);
        }

        @Override
        public void rendererOptions(MutableDataHolder options) {
            tables.rendererOptions(options);
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            tables.extend(builder, rendererType);
        }

        @Override
        public void extend(Parser.Builder builder) {
            ParagraphPreProcessorFactory each = TableParagraphPreProcessor.Factory();
            builder.paragraphPreProcessorFactory(new ParagraphPreProcessorFactory() {
                private volatile ParagraphPreProcessor shared;

                @Override
                public boolean affectsGlobalScope() {
                    return each.affectsGlobalScope();
                }

                @Override
                public Set<Class<?>> getAfterDependents() {
                    return each.getAfterDependents();
                }

                @Override
                public Set<Class<?>> getBeforeDependents() {
                    return each.getBeforeDependents();
                }

                @Override
                public ParagraphPreProcessor apply(ParserState state) {
                    ParagraphPreProcessor one = shared;
                    if (one == null) {
                        one = each.apply(state); // two threads may both make one; either serves
                        shared = one;
                    }
                    return one;
                }
            });
        }
    }

    /**
     * flexmark's {@code AutolinkExtension}, with the same post-processor, run only on text that can
     * hold a link. flexmark runs a regex ({@code \b([a-z][a-z0-9+.-]*://)}) and the autolink
     * library's scan over every text node; the library finds a URL only at {@code ://}, an e-mail
     * address only at {@code @}, and a bare host only at {@code www.}, and the regex needs
     * {@code ://} too. A text node none of whose characters can be escaped or decoded into another
     * character ({@code \}, {@code &}), and not joined with a following entity or typographic
     * node, holding none of the three, gets no link from flexmark's post-processor either, so it
     * is skipped; every other node goes to that post-processor unchanged.
     */
    static final class Autolinks implements Parser.ParserExtension {

        @Override
        public void parserOptions(MutableDataHolder options) {
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.postProcessorFactory(new NodePostProcessorFactory(false) {
                {
                    addNodes(Text.class);
                }

                @Override
                public NodePostProcessor apply(com.vladsch.flexmark.util.ast.Document document) {
                    AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
                    return new NodePostProcessor() {
                        @Override
                        public void process(NodeTracker state, Node node) {
                            if (mayHoldLink(node)) {
                                autolinks.process(state, node);
                            }
                        }
                    };
                }
            });
        }

        /** @return false only when flexmark's autolink post-processor surely finds no link in {@code node} */
        static boolean mayHoldLink(Node node) {
            if (node.getNext() instanceof TypographicText || node.getNext() instanceof HtmlEntity) {
                return true;
            }
            CharSequence chars = node.getChars();
            int length = chars.length();
            for (int i = 0; i < length; i++) {
                char c = chars.charAt(i);
                if (c == '@' || c == '\\' || c == '&'
                        || c == ':' && i + 2 < length && chars.charAt(i + 1) == '/' && chars.charAt(i + 2) == '/'
                        || c == 'w' && i + 3 < length && chars.charAt(i + 1) == 'w' && chars.charAt(i + 2) == 'w'
                                && chars.charAt(i + 3) == '.') {
                    return true;
                }
            }
            return false;
        }
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

    /** @return the number of words: what {@code text.strip().split("\\s+").length} counts, without the regex */
    static int countWords(String text) {
        String t = text.strip();
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            boolean space = isRegexSpace(t.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** {@code \s} in a Java regex: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static String headingText(Element heading) {
        Element copy = heading.clone();
        copy.select(ANCHORS).remove();
        return copy.text();
    }

    /**
     * @param text  plain text
     * @param limit the most characters to keep
     * @return the text cut at a word boundary with an ellipsis when longer than {@code limit}
     */
    static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = text.lastIndexOf(' ', limit - 1);
        return text.substring(0, cut > limit / 2 ? cut : limit - 1).stripTrailing() + "…";
    }

    /**
     * The result of rendering a body.
     *
     * @param html     the HTML fragment
     * @param headings h2 and h3 headings in order
     * @param links    every link target ({@code href}) in order of first appearance
     * @param excerpt  plain text of the first paragraph, at most about 280 characters
     * @param words      number of words of text
     * @param references the links and images the author wrote, with their lines (for link checks)
     * @param anchors    every {@code id} in the HTML: the fragments a link to this body can name
     * @param text       the body as plain text (what the search index stores)
     * @param hasCode    whether the body shows a code block (diagrams and math drawn from a fence do not count)
     * @param problems   blocks that could not be rendered as written (diagram and TeX errors), by body line
     */
    public record RenderedMarkdown(String html, List<Heading> headings, List<String> links, String excerpt, int words,
                                   List<Reference> references, Set<String> anchors, String text,
                                   boolean hasCode, List<BlockProblem> problems) {

        /** @return the estimated reading time in whole minutes, at least 1 */
        public int readingMinutes() {
            return Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
        }
    }
}
