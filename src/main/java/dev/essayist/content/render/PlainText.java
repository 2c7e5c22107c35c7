package dev.essayist.content.render;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The text of rendered HTML as a reader would quote it, for summaries and search: without the
 * footnote markers, so {@code 2020[^1].} reads "2020." and not "20201.".
 */
public final class PlainText {

    private static final Evaluator FOOTNOTE_MARKERS = QueryParser.parse("sup:has(> a.footnote-ref)");

    private PlainText() {
    }

    /**
     * @param element rendered HTML (left as it was)
     * @return its text as jsoup's {@link Element#text()} gives it, footnote markers left out
     */
    public static String of(Element element) {
        Elements markers = element.select(FOOTNOTE_MARKERS);
        if (markers.isEmpty()) {
            return element.text();
        }
        // Swapped out and back rather than cloning the element: a body can be large.
        List<TextNode> places = new ArrayList<>(markers.size());
        for (Element marker : markers) {
            TextNode place = new TextNode("");
            marker.replaceWith(place);
            places.add(place);
        }
        String text = element.text();
        for (int i = 0; i < places.size(); i++) {
            places.get(i).replaceWith(markers.get(i));
        }
        return text;
    }
}
