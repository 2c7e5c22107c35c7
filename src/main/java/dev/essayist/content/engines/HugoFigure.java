package dev.essayist.content.engines;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Pattern;

/**
 * Hugo's {@code figure} shortcode (Hugo, "figure" shortcode: {@code src}, {@code link}, {@code alt},
 * {@code title}, {@code caption}, {@code attr}, {@code attrlink}, {@code class}) as Markdown's own
 * image and link nodes, so the image gets what every image gets ({@code content.render.Figures}:
 * its size, resized copies, lazy loading) and both URLs are checked like any other. Alone on its
 * line it is a {@code <figure>} with a {@code <figcaption>}; inside a line of text, the image alone,
 * its caption as its title.
 */
final class HugoFigure {

    private static final Pattern CLASS = Pattern.compile("[A-Za-z0-9_ -]{1,100}");
    private static final Pattern MARKUP = Pattern.compile("\\]\\([^)]*\\)|[*_`\\[\\]]");

    private HugoFigure() {
    }

    /**
     * @param tag a {@code figure} shortcode
     * @return its image, inside a link when it has {@code link}; {@code null} when it has no {@code src}
     */
    static Node image(Tag tag) {
        BasedSequence src = tag.sequence("src", -1);
        if (src == null || src.isBlank()) {
            return null;
        }
        Image image = new Image(tag.chars());
        image.setUrlChars(src.trim());
        String alt = tag.param("alt", -1);
        if (alt == null && tag.param("caption", -1) != null) {
            alt = MARKUP.matcher(tag.param("caption", -1)).replaceAll(""); // as Hugo: the caption, plain
        }
        if (alt != null) {
            image.appendChild(new Text(BasedSequence.of(alt)));
        }
        BasedSequence link = tag.sequence("link", -1);
        if (link == null || link.isBlank()) {
            return image;
        }
        Link wrapper = new Link(tag.chars());
        wrapper.setUrlChars(link.trim());
        wrapper.appendChild(image);
        return wrapper;
    }

    /**
     * @param tag a {@code figure} shortcode alone on its line, with a {@code src}
     * @return the figure: its image (in its link) and, when it has a title, caption or attribution,
     *         a caption whose Markdown the parser reads later ({@link Nodes.Caption#caption})
     */
    static Nodes.Figure figure(Tag tag) {
        String className = tag.param("class", -1);
        Nodes.Figure figure = new Nodes.Figure(tag, className != null && CLASS.matcher(className).matches() ? className.strip() : null);
        figure.appendChild(image(tag));
        String title = tag.param("title", -1);
        BasedSequence caption = tag.sequence("caption", -1);
        String attribution = tag.param("attr", -1);
        if (title != null || caption != null || attribution != null) {
            figure.appendChild(new Nodes.Caption(tag.chars(), title, caption, attribution, tag.param("attrlink", -1)));
        }
        return figure;
    }

    /**
     * Puts the caption as the title of an image that stands inside a line of text.
     *
     * @param tag   a {@code figure} shortcode
     * @param image what {@link #image(Tag)} made of it
     */
    static void titleInline(Tag tag, Node image) {
        BasedSequence caption = tag.sequence("caption", -1);
        Node img = image instanceof Link ? image.getFirstChild() : image;
        if (caption != null && img instanceof Image i) {
            i.setTitle(caption);
        }
    }
}
