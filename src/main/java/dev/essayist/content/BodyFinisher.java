package dev.essayist.content;

import dev.essayist.content.engines.CodeText;
import dev.essayist.content.render.Alerts;
import dev.essayist.content.render.AuthorIds;
import dev.essayist.content.render.BlockProblem;
import dev.essayist.content.render.Figures;
import dev.essayist.content.render.PlainText;
import dev.essayist.content.render.Sidenotes;
import dev.essayist.post.Heading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What every body's HTML goes through after {@link HtmlSanitizer}, whether it was written in
 * Markdown or in HTML ({@link MarkdownRenderer}): GitHub's alerts, code text, the author's ids and
 * figures ({@code content.render}, {@code content.engines}); wide tables and code blocks made
 * scrollable boxes a keyboard can reach; file names on code ({@link CodeBlockTitles}); sidenotes.
 * Along the way it reads what the rest of the site needs: the {@code h2}/{@code h3} headings with
 * their ids, the links, the excerpt (the first top-level paragraph as plain text, at most
 * {@code EXCERPT_CHARS} characters), the plain text and its word count, and every id.
 *
 * <p>Thread-safe: each call works on its own document; {@link Figures} is shared.
 */
final class BodyFinisher {

    private static final int EXCERPT_CHARS = 280;

    // Selectors parsed once: jsoup parses a selector string on every select() call.
    private static final Evaluator HEADINGS = QueryParser.parse("h2[id], h3[id]");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator TABLES = QueryParser.parse("table");
    static final Evaluator PRES = QueryParser.parse("pre");
    private static final Evaluator FIRST_PARAGRAPHS = QueryParser.parse("body > p");
    private static final Evaluator IDS = QueryParser.parse("[id]");

    private final Figures figures;

    /** @param figures sizes images and gives them resized copies, for {@code srcset} */
    BodyFinisher(Figures figures) {
        this.figures = figures;
    }

    /**
     * @param doc        the sanitised body, as a jsoup document; changed in place
     * @param sourceFile the file the body is in (relative image paths are beside it), or {@code null}
     * @param references the body's references, read from the syntax tree (empty for an HTML body)
     * @param hasCode    whether the body has a code block
     * @param problems   what went wrong in the body's blocks (diagrams, math), with their lines
     * @return the finished HTML fragment and what was read from it
     */
    RenderedMarkdown finish(Document doc, Path sourceFile, List<Reference> references, boolean hasCode,
                            List<BlockProblem> problems) {
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        Alerts.apply(body);
        CodeText.apply(body);
        AuthorIds.apply(body);
        figures.apply(body, sourceFile);

        List<Heading> headings = new ArrayList<>();
        for (Element h : body.select(HEADINGS)) {
            headings.add(new Heading(h.nameIs("h2") ? 2 : 3, h.id(), BodyText.headingText(h)));
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
        String excerpt = firstParagraph == null ? "" : BodyText.truncate(PlainText.of(firstParagraph), EXCERPT_CHARS);
        String text = PlainText.of(body);
        int words = BodyText.countWords(text);
        Set<String> anchors = new LinkedHashSet<>(body.select(IDS).eachAttr("id"));
        Sidenotes.add(body);
        return new RenderedMarkdown(body.html(), headings, List.copyOf(links), excerpt, words, references,
                Set.copyOf(anchors), text, hasCode, problems);
    }
}
