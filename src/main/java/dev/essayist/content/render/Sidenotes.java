package dev.essayist.content.render;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Tufte-style sidenotes without JavaScript: beside the first reference to each footnote, a copy
 * of the note, {@code <span class="sidenote" aria-hidden="true">}, which the stylesheet shows in
 * the right margin on wide screens and hides elsewhere; the footnotes stay at the end for phones,
 * print, feeds and assistive technology. The copy is hidden from assistive technology and its
 * links are taken out of the tab order, so a screen reader or keyboard user meets each note once,
 * through its reference, as before. Only notes of plain paragraphs get a copy (a list or code block
 * cannot sit in a line of text). Feeds drop the copies ({@link #remove(Element)}).
 */
public final class Sidenotes {

    /** The class of a margin copy. */
    public static final String CLASS = "sidenote";

    private static final Evaluator REFERENCES = QueryParser.parse("sup > a.footnote-ref[href^=#]");
    private static final Evaluator COPIES = QueryParser.parse("span." + CLASS);
    private static final Evaluator BACK_LINKS = QueryParser.parse("a.footnote-backref");
    private static final Evaluator IDS = QueryParser.parse("[id]");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");

    private Sidenotes() {
    }

    /**
     * Adds the margin copies, in place. Run it last: the copies are not part of the body's text
     * (search, word count, excerpt).
     *
     * @param body a rendered, sanitised body
     */
    public static void add(Element body) {
        Set<String> done = new HashSet<>();
        for (Element ref : body.select(REFERENCES)) {
            String id = ref.attr("href").substring(1);
            Element note = body.getElementById(id);
            if (note == null || !note.nameIs("li") || !done.add(id) || !onlyParagraphs(note)) {
                continue;
            }
            Element copy = new Element("span").addClass(CLASS).attr("aria-hidden", "true");
            copy.appendElement("span").addClass("sidenote-number").text(ref.text());
            for (Element paragraph : note.children().not("a.footnote-backref")) {
                Element line = copy.appendElement("span").addClass("sidenote-text");
                line.appendChildren(paragraph.childNodesCopy());
            }
            copy.select(BACK_LINKS).remove();
            copy.select(IDS).removeAttr("id");
            copy.select(LINKS).attr("tabindex", "-1");
            ref.parent().after(copy);
        }
    }

    /**
     * Removes the margin copies, for a feed, whose readers show the footnotes at the end.
     *
     * @param body a body as {@link #add(Element)} left it
     */
    public static void remove(Element body) {
        body.select(COPIES).remove();
    }

    private static boolean onlyParagraphs(Element note) {
        for (Node child : note.childNodes()) {
            if (child instanceof Element element && !element.nameIs("p") && !element.hasClass("footnote-backref")) {
                return false;
            }
        }
        return note.childrenSize() > 0;
    }
}
