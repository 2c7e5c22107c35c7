package dev.essayist.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The containment rules of the static folder (design.md invariant 7), shared by what serves it
 * ({@link StaticFiles}) and what checks links against it ({@code check}): a request path is
 * resolved and normalised, then must still be strictly inside the folder with no hidden segment,
 * and a file must be a regular file whose real path is inside the folder too, so no symbolic link
 * leads out.
 */
public final class StaticFolder {

    private StaticFolder() {
    }

    /**
     * @param folder   a static folder, absolute and normalised
     * @param relative a path below it, percent-decoded
     * @return the path normalised, {@code /}-separated, when it stays strictly inside the folder and
     *         has no hidden segment ({@code .x}); otherwise empty
     */
    static Optional<String> normalise(Path folder, String relative) {
        if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.contains("\\")) {
            return Optional.empty();
        }
        Path file;
        try {
            file = folder.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!file.startsWith(folder) || file.equals(folder)) {
            return Optional.empty();
        }
        for (Path part : folder.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return Optional.empty();
            }
        }
        return Optional.of(folder.relativize(file).toString().replace('\\', '/'));
    }

    /**
     * Whether a static file is served at {@code /static/relative} (and so at {@code /relative}): the
     * one rule {@code check} uses for links, the same as {@link StaticFiles#find}'s without reading
     * the file.
     *
     * @param staticDir the static folder
     * @param relative  a path below it, percent-decoded, e.g. {@code img/a.png}
     * @return whether the folder has that regular file inside it, or the theme has it
     */
    public static boolean exists(Path staticDir, String relative) {
        Path folder = staticDir.toAbsolutePath().normalize();
        return normalise(folder, relative).filter(name -> Theme.has(name) || served(folder, name).isPresent()).isPresent();
    }

    /** @return the attributes of the folder's regular file of that name, when no link leads it out of the folder */
    static Optional<BasicFileAttributes> served(Path folder, String name) {
        Path file = folder.resolve(name);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && file.toRealPath().startsWith(folder.toRealPath())
                    ? Optional.of(attributes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no such file (or folder): the theme, or nothing, answers
        }
    }
}
