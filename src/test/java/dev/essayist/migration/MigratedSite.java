package dev.essayist.migration;

import dev.essayist.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A blog's posts folder as another engine keeps it, copied unchanged into a test site's
 * {@code posts/}: the fixtures under {@code src/test/resources/migration/} are written from Hugo's
 * and Jekyll's own documentation, not taken from any blog.
 */
final class MigratedSite {

    private MigratedSite() {
    }

    /**
     * @param fixture a folder under {@code src/test/resources/migration/}, e.g. {@code hugo/posts}
     * @return a test site whose {@code posts/} holds a copy of it
     */
    static TestSite of(String fixture) {
        TestSite site = TestSite.create();
        Path from = Path.of("src/test/resources/migration", fixture);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = site.posts().resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return site;
    }
}
