package dev.essayist.content.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Images that never make the page jump, and captions, after sanitising:
 * <ul>
 *   <li>every {@code <img>} gets {@code loading="lazy"} and {@code decoding="async"} (HTML §4.8.4.3),
 *       and, when its file is found ({@link ImageFiles}), its intrinsic {@code width} and
 *       {@code height}, from which browsers reserve its box before it loads;</li>
 *   <li>a large PNG or JPEG gets its resized copies in {@code srcset} with {@code sizes}
 *       for the text column ({@link ImageVariants});</li>
 *   <li>an image alone in its paragraph (alone in a link, too) becomes a
 *       {@code <figure>} with a {@code <figcaption>}: its title ({@code ![alt](x.png "Caption")}),
 *       or else its alt text, hidden from assistive technology since the alt already says it
 *       (as Pandoc's implicit figures do). An image with other text around it stays inline.</li>
 * </ul>
 */
public final class Figures {

    /** The width the text column takes: 40rem on a wide screen, the viewport on a phone. */
    static final String SIZES = "(min-width: 42rem) 40rem, 100vw";

    private static final Evaluator IMAGES = QueryParser.parse("img[src]");

    private final ImageFiles files;
    private final ImageVariants variants;

    /**
     * @param files    finds an image's file
     * @param variants makes resized copies
     */
    public Figures(ImageFiles files, ImageVariants variants) {
        this.files = files;
        this.variants = variants;
    }

    /**
     * @param body       a rendered, sanitised body, changed in place
     * @param sourceFile the Markdown file it came from (relative images are beside it), or {@code null}
     */
    public void apply(Element body, Path sourceFile) {
        for (Element img : body.select(IMAGES)) {
            img.attr("loading", "lazy").attr("decoding", "async");
            if (!img.hasAttr("width") && !img.hasAttr("height")) {
                size(img, sourceFile);
            }
            Element content = img.parent() != null && img.parent().nameIs("a") && alone(img.parent(), img) ? img.parent() : img;
            Element paragraph = content.parent();
            if (paragraph != null && paragraph.nameIs("p") && alone(paragraph, content)) {
                figure(paragraph, content, img);
            }
        }
    }

    private void size(Element img, Path sourceFile) {
        Optional<Path> file = files.find(img.attr("src"), sourceFile);
        Optional<ImageSize> size = file.flatMap(ImageSize::of);
        if (size.isEmpty() || size.get().width() <= 0 || size.get().height() <= 0) {
            return;
        }
        img.attr("width", String.valueOf(size.get().width())).attr("height", String.valueOf(size.get().height()));
        List<ImageVariants.Variant> copies = variants.of(file.get(), size.get());
        if (!copies.isEmpty() && !img.hasAttr("srcset")) {
            StringBuilder srcset = new StringBuilder();
            for (ImageVariants.Variant copy : copies) {
                srcset.append(copy.url()).append(' ').append(copy.width()).append("w, ");
            }
            srcset.append(img.attr("src")).append(' ').append(size.get().width()).append('w');
            img.attr("srcset", srcset.toString()).attr("sizes", SIZES);
        }
    }

    private static void figure(Element paragraph, Element content, Element img) {
        Element figure = new Element("figure").addClass("figure");
        figure.appendChild(content);
        String title = img.attr("title").strip();
        img.removeAttr("title");
        if (!title.isEmpty()) {
            figure.appendElement("figcaption").text(title);
        } else if (!img.attr("alt").isBlank()) {
            figure.appendElement("figcaption").attr("aria-hidden", "true").text(img.attr("alt"));
        }
        paragraph.replaceWith(figure);
    }

    /** @return whether {@code only} is {@code parent}'s one child, apart from white space */
    private static boolean alone(Element parent, Element only) {
        for (Node child : parent.childNodes()) {
            if (child != only && !(child instanceof TextNode text && text.isBlank())) {
                return false;
            }
        }
        return true;
    }
}
