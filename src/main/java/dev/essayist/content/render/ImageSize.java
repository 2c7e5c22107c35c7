package dev.essayist.content.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's intrinsic size, read from its header (the pixels are not decoded): PNG, JPEG, GIF
 * and BMP through {@code javax.imageio}; SVG from its root's {@code width} and {@code height} in
 * pixels or, failing those, its {@code viewBox}.
 *
 * @param width  pixels
 * @param height pixels
 * @param format {@code png}, {@code jpeg}, {@code gif}, {@code bmp} or {@code svg}
 */
record ImageSize(int width, int height, String format) {

    /** The most of an SVG file read to find its root element. */
    private static final int SVG_HEAD = 4096;
    private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:px)?\\s*");

    /**
     * @param file an image file
     * @return its size, or empty when it is not an image this can read (or cannot be read)
     */
    static Optional<ImageSize> of(Path file) {
        try {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg") ? svg(file) : raster(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ImageSize> raster(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0),
                        reader.getFormatName().toLowerCase(Locale.ROOT)));
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<ImageSize> svg(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(SVG_HEAD);
        }
        Matcher root = SVG_ROOT.matcher(new String(head, java.nio.charset.StandardCharsets.UTF_8));
        if (!root.find()) {
            return Optional.empty();
        }
        String tag = root.group();
        Optional<Double> width = length(tag, "width");
        Optional<Double> height = length(tag, "height");
        if (width.isPresent() && height.isPresent()) {
            return Optional.of(new ImageSize((int) Math.round(width.get()), (int) Math.round(height.get()), "svg"));
        }
        Matcher viewBox = Pattern.compile("\\sviewBox\\s*=\\s*[\"']([^\"']*)[\"']").matcher(tag);
        if (viewBox.find()) {
            String[] box = viewBox.group(1).trim().split("[\\s,]+");
            if (box.length == 4) {
                return Optional.of(new ImageSize((int) Math.round(Double.parseDouble(box[2])),
                        (int) Math.round(Double.parseDouble(box[3])), "svg"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> length(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*[\"']([^\"']*)[\"']").matcher(tag);
        if (!m.find()) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(m.group(1));
        return number.matches() ? Optional.of(Double.parseDouble(number.group(1))) : Optional.empty();
    }
}
