package dev.essayist;

import io.micronaut.test.support.TestPropertyProvider;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A site with one essay that uses every technical-writing feature (a PlantUML sequence and state
 * diagram, inline and display math, all five callouts, a captioned figure, an image alone,
 * sidenotes, titled code), the theme's own stylesheet and scripts (from the jar: the stub
 * stylesheet of {@link TestSite} is removed), and the two charts the essay shows (drawn here, a
 * large one and a small one).
 */
public abstract class WritingFixture implements TestPropertyProvider {

    /** The essay's path. */
    public static final String ESSAY = "/posts/every-feature";

    /** The essay's file name under posts/. */
    public static final String FILE = "2025-05-01-every-feature.md";

    protected final TestSite site = TestSite.create();

    protected WritingFixture() {
        try (InputStream essay = WritingFixture.class.getResourceAsStream("/writing/" + FILE)) {
            site.write(FILE, new String(essay.readAllBytes(), StandardCharsets.UTF_8));
            Files.delete(site.statics().resolve("css/site.css"));
            site.staticFile("img/queue-depth.png", chart(1600, 800));
            site.staticFile("img/latency.png", chart(560, 280));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return site.properties();
    }

    /** @return a PNG line chart of the given size in pixels */
    private static byte[] chart(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xf6f8fa));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xd8dee4));
        for (int y = height / 8; y < height; y += height / 8) {
            g.drawLine(0, y, width, y);
        }
        g.setColor(new Color(0x0b5cad));
        g.setStroke(new BasicStroke(Math.max(2, width / 400f)));
        int previous = height / 2;
        for (int x = 0; x < width; x += width / 40) {
            int y = (int) (height * (0.5 + 0.3 * Math.sin(x * 6.0 / width) * Math.cos(x * 17.0 / width)));
            g.drawLine(Math.max(0, x - width / 40), previous, x, y);
            previous = y;
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
