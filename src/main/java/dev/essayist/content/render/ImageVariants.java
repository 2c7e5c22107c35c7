package dev.essayist.content.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import net.coobird.thumbnailator.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Smaller copies of a large raster image for {@code srcset} (HTML §4.8.4.3), made with
 * Thumbnailator into a derived folder (by default {@code .essayist/images/}, beside the index;
 * deleting it is safe, the next reindex of an essay makes them again). Originals are never changed.
 *
 * <p>Indexing names the copies and goes on: resizing (a second or more for a large photograph)
 * happens on one background thread, never inside an essay's render budget, and a copy asked for
 * ({@link #find}) before it is made is made at once. A copy that cannot be made is answered by its
 * original, so an image never breaks for want of a smaller copy. {@code check} only names them
 * ({@link #naming}): it writes nothing.
 *
 * <p>A PNG or JPEG wider than {@value #SMALLEST} pixels gets one copy at each width of
 * {@link #WIDTHS} below its own, in its own format. GIF (animation), SVG (scales itself) and
 * smaller images get none. A copy's name is the first 16 hex digits of the SHA-256 of the
 * original's bytes and its width ({@code 3f2a…-960.png}), so it never changes meaning: it is
 * served as immutable, an unchanged image is not resized again, and two essays share copies.
 */
public final class ImageVariants {

    /** The URL path variants are served under. */
    public static final String PATH = "/_img/";

    /** Widths of the copies, in CSS pixels of a 1x screen: a phone, the text column at 1x and 2x. */
    static final int[] WIDTHS = {480, 960, 1440};

    /** Images at most this wide get no copies. */
    static final int SMALLEST = 800;

    /** A variant's file name, as made here: 16 hex digits, a width, a raster extension. */
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{16}-[0-9]{2,5}\\.(png|jpg)");

    private static final Logger LOG = LoggerFactory.getLogger(ImageVariants.class);

    private final Path folder;
    /** Whether copies are made (the server) or only named ({@code check}). */
    private final boolean make;
    /** Copies named but not made yet, by file name. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Copies that could not be made, by file name: their originals answer in their place. */
    private final Map<String, Path> standIns = new ConcurrentHashMap<>();
    private final ExecutorService maker;

    /** A copy to make: its original, width and extension. */
    private record Pending(Path image, int width, String extension) {
    }

    /** @param folder the folder variants are written to and served from (created when needed) */
    public ImageVariants(Path folder) {
        this(folder, true);
    }

    private ImageVariants(Path folder, boolean make) {
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.make = make;
        this.maker = make && folder != null ? Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "essayist-image-variants");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        }) : null;
    }

    /** @return variants that are never made (images keep only their original) */
    public static ImageVariants none() {
        return new ImageVariants(null, false);
    }

    /**
     * @param folder the folder the server keeps copies in
     * @return variants named exactly as the server names them, with nothing written ({@code check})
     */
    public static ImageVariants naming(Path folder) {
        return new ImageVariants(folder, false);
    }

    /**
     * One resized copy.
     *
     * @param url   its root-relative URL, {@code /_img/…}
     * @param width its width in pixels
     */
    public record Variant(String url, int width) {
    }

    /**
     * Names the copies of a raster image, and queues those not made before.
     *
     * @param image the original file
     * @param size  its intrinsic size
     * @return the copies, narrowest first; empty for small, GIF, SVG or unreadable images, and when
     *         this instance makes none
     */
    List<Variant> of(Path image, ImageSize size) {
        String format = size.format();
        if (folder == null || size.width() <= SMALLEST || !(format.equals("png") || format.equals("jpeg"))) {
            return List.of();
        }
        String extension = format.equals("png") ? "png" : "jpg";
        List<Variant> variants = new ArrayList<>();
        try {
            String hash = hash(image);
            for (int width : WIDTHS) {
                if (width >= size.width()) {
                    break;
                }
                String name = hash + "-" + width + "." + extension;
                if (make && !Files.isRegularFile(folder.resolve(name))
                        && pending.put(name, new Pending(image, width, extension)) == null) {
                    maker.execute(() -> made(name));
                }
                variants.add(new Variant(PATH + name, width));
            }
            return variants;
        } catch (IOException | RuntimeException e) {
            // The image still shows at full size; the essay must not fail for want of a smaller copy.
            LOG.warn("Cannot make resized copies of {}: {}", image, e.toString());
            return List.of();
        }
    }

    /**
     * @param name a file name from a {@code /_img/} URL
     * @return the variant file, when {@code name} is one this class makes and it exists or can be
     *         made now; the original image when the copy could not be made
     */
    public Optional<Path> find(String name) {
        if (folder == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        Pending copy = pending.get(name);
        if (copy == null) {
            // Made (or given up) by the background thread since the look above, or never named.
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.ofNullable(standIns.get(name));
        }
        return Optional.of(made(name).orElse(copy.image()));
    }

    /**
     * Makes a named copy unless it exists, once even when the background thread and a request ask
     * together.
     *
     * @return the copy, or empty if it cannot be made (logged; its original stands in)
     */
    private Optional<Path> made(String name) {
        Pending copy = pending.get(name);
        Path target = folder.resolve(name);
        if (copy == null) {
            return Files.isRegularFile(target) ? Optional.of(target) : Optional.empty();
        }
        synchronized (copy) {
            try {
                if (!Files.isRegularFile(target)) {
                    Files.createDirectories(folder);
                    write(copy.image(), copy.width(), copy.extension(), target);
                }
                return Optional.of(target);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot make the {} px copy of {}; its original is served in its place: {}", copy.width(),
                        copy.image(), e.toString());
                standIns.put(name, copy.image());
                return Optional.empty();
            } finally {
                pending.remove(name, copy);
            }
        }
    }

    /** @return the folder variants are kept in, or {@code null} when none are made */
    public Path folder() {
        return folder;
    }

    /**
     * Stops the background thread and waits up to 10 s for the copy in progress; copies not made
     * yet are made when asked for, next run.
     */
    public void close() {
        if (maker == null) {
            return;
        }
        maker.shutdownNow();
        try {
            if (!maker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("A resized image copy was still being made after 10 s; its partial file is left in {}", folder);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path image, int width, String extension, Path target) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), ".partial-", "." + extension);
        try {
            Thumbnails.of(image.toFile()).width(width).outputFormat(extension).outputQuality(0.85).toFile(partial.toFile());
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String hash(Path image) throws IOException {
        try (InputStream in = Files.newInputStream(image)) {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16).toLowerCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
