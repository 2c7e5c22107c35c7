package dev.essayist.content.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.content.MarkdownRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @TempDir
    Path root;

    Path statics;
    Path post;
    Path variants;
    ImageVariants copies;
    MarkdownRenderer renderer;

    @BeforeEach
    void site() throws IOException {
        statics = Files.createDirectories(root.resolve("static/img"));
        Path bundle = Files.createDirectories(root.resolve("posts/my-essay"));
        post = Files.writeString(bundle.resolve("index.md"), "");
        variants = root.resolve("index/images");
        png(statics.resolve("small.png"), 320, 200);
        png(statics.resolve("wide.png"), 2000, 1000);
        png(bundle.resolve("beside.png"), 640, 480);
        png(root.resolve("outside.png"), 100, 100);
        copies = new ImageVariants(variants);
        renderer = new MarkdownRenderer(ImageFiles.site(root.resolve("static")), copies);
    }

    /** Copies are made on a background thread: it ends before the temporary folder is deleted. */
    @AfterEach
    void stopMakingCopies() {
        copies.close();
    }

    private static void png(Path file, int width, int height) throws IOException {
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown, post).html());
    }

    @Test
    void titledImageAloneBecomesAFigureWithItsCaptionAndIntrinsicSize() {
        Document doc = html("Text.\n\n![A queue](/static/img/small.png \"Two workers, one row\")\n");
        Element figure = doc.selectFirst("figure.figure");
        assertThat(figure).isNotNull();
        Element img = figure.selectFirst("img");
        assertThat(img.attr("width")).isEqualTo("320");
        assertThat(img.attr("height")).isEqualTo("200");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.hasAttr("title")).isFalse();
        assertThat(img.hasAttr("srcset")).isFalse();
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Two workers, one row");
        assertThat(figure.selectFirst("figcaption").hasAttr("aria-hidden")).isFalse();
        assertThat(doc.select("p > figure")).isEmpty();
    }

    @Test
    void untitledImageAloneIsCaptionedByItsAltHiddenFromAssistiveTechnology() {
        Element caption = html("![Lock timeline](/img/small.png)\n").selectFirst("figure > figcaption");
        assertThat(caption.text()).isEqualTo("Lock timeline");
        assertThat(caption.attr("aria-hidden")).isEqualTo("true");
    }

    @Test
    void imageInsideTextStaysInlineButIsSized() {
        Document doc = html("See ![icon](beside.png \"t\") here.\n");
        assertThat(doc.select("figure")).isEmpty();
        Element img = doc.selectFirst("p > img");
        assertThat(img.attr("width")).isEqualTo("640");
        assertThat(img.attr("height")).isEqualTo("480");
        assertThat(img.attr("title")).isEqualTo("t");
    }

    @Test
    void largeImageGetsResizedCopiesInSrcsetAndTheOriginalIsUntouched() throws IOException {
        byte[] before = Files.readAllBytes(statics.resolve("wide.png"));
        Element img = html("![Wide](/static/img/wide.png)\n").selectFirst("figure img");
        assertThat(img.attr("srcset")).matches(
                "/_img/[0-9a-f]{16}-480\\.png 480w, /_img/[0-9a-f]{16}-960\\.png 960w, /_img/[0-9a-f]{16}-1440\\.png 1440w, /static/img/wide.png 2000w");
        assertThat(img.attr("sizes")).isEqualTo(Figures.SIZES);
        String name = img.attr("srcset").replaceAll(".*/_img/([^ ]+-960\\.png).*", "$1");
        // Asked for before the background thread made it, or after: the copy, made once.
        assertThat(copies.find(name)).contains(variants.resolve(name));
        BufferedImage copy = ImageIO.read(variants.resolve(name).toFile());
        assertThat(copy.getWidth()).isEqualTo(960);
        assertThat(copy.getHeight()).isEqualTo(480);
        assertThat(Files.readAllBytes(statics.resolve("wide.png"))).isEqualTo(before);
        assertThat(new ImageVariants(variants).find(name)).contains(variants.resolve(name));
        assertThat(new ImageVariants(variants).find("../" + name)).isEmpty();
    }

    @Test
    void checkNamesTheCopiesAsTheServerDoesAndWritesNothing() throws IOException {
        MarkdownRenderer naming = new MarkdownRenderer(ImageFiles.site(root.resolve("static")), ImageVariants.naming(variants));
        String named = naming.render("![Wide](/static/img/wide.png)\n", post).html();
        assertThat(variants).doesNotExist();
        Element img = html("![Wide](/static/img/wide.png)\n").selectFirst("figure img");
        assertThat(Jsoup.parse(named).selectFirst("figure img").attr("srcset")).contains("/_img/").isEqualTo(img.attr("srcset"));
    }

    @Test
    void aCopyThatCannotBeMadeIsAnsweredByItsOriginal() throws IOException {
        Path broken = statics.resolve("broken.png");
        png(broken, 2000, 1000);
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(broken), 200);
        Files.write(broken, header); // the size reads, the pixels do not
        ImageVariants only = new ImageVariants(variants);
        List<ImageVariants.Variant> named = only.of(broken, new ImageSize(2000, 1000, "png"));
        String name = named.get(0).url().substring(ImageVariants.PATH.length());
        assertThat(only.find(name)).contains(broken);
        assertThat(only.find(name)).as("asked again").contains(broken);
        only.close();
    }

    @Test
    void pathsLeavingTheirFolderAndOtherHostsAreNotRead() {
        Document doc = html("![a](../../outside.png)\n\n![b](/static/../outside.png)\n\n![c](https://example.com/x.png)\n");
        assertThat(doc.select("img")).hasSize(3).allSatisfy(img -> assertThat(img.hasAttr("width")).isFalse());
    }

    @Test
    void linkedImageAloneStaysLinkedInsideTheFigure() {
        Element figure = html("[![Big](/img/small.png \"Click\")](/img/small.png)\n").selectFirst("figure");
        assertThat(figure.selectFirst("a > img")).isNotNull();
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Click");
    }

    @Test
    void svgImageGetsItsSizeFromItsViewBox() throws IOException {
        Files.writeString(statics.resolve("d.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 150\"></svg>");
        Element img = html("![d](/img/d.svg)\n").selectFirst("img");
        assertThat(img.attr("width")).isEqualTo("300");
        assertThat(img.attr("height")).isEqualTo("150");
        assertThat(img.hasAttr("srcset")).isFalse();
    }
}
