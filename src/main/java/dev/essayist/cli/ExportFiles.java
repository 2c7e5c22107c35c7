package dev.essayist.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files of one export, written into the output folder as they come, from several threads at
 * once. A file whose bytes the folder already holds (the previous export's) is left untouched, so
 * its modification time stays and a sync to a bucket or CDN skips it.
 */
final class ExportFiles {

    private final Path out;
    private final Set<String> names = new ConcurrentSkipListSet<>();
    private final AtomicInteger unchanged = new AtomicInteger();

    /** @param out the output folder; it must exist */
    ExportFiles(Path out) {
        this.out = out.normalize();
    }

    /**
     * @param name  the file's path relative to the output folder, with {@code /} separators
     * @param bytes its content
     * @throws IOException           if it cannot be written
     * @throws IllegalStateException if the name leads outside the output folder
     */
    void write(String name, byte[] bytes) throws IOException {
        Path file = out.resolve(name).normalize();
        if (!file.startsWith(out) || file.equals(out)) {
            throw new IllegalStateException("refusing to write outside the output folder: " + name);
        }
        if (!names.add(name)) {
            return; // two spellings of one page (/x and /x/): the site answers both with the same bytes
        }
        if (holds(file, bytes)) {
            unchanged.incrementAndGet();
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** @return the files of this export, relative to the output folder, sorted */
    List<String> names() {
        return List.copyOf(names);
    }

    /** @return how many of them already held the same bytes */
    int unchanged() {
        return unchanged.get();
    }

    private static boolean holds(Path file, byte[] bytes) throws IOException {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
