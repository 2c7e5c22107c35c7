package dev.essayist.content.render;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the file behind an image's {@code src} is, so that rendering can read its size and make
 * its resized variants. The seam between the renderer and the site's layout of files: the
 * renderer is given one and asks it for every image.
 */
@FunctionalInterface
public interface ImageFiles {

    /**
     * @param src        the image's URL as the author wrote it, e.g. {@code /static/img/a.png},
     *                   {@code /img/a.png} or {@code diagram.png}
     * @param sourceFile the Markdown file the image is written in, or {@code null} when unknown
     * @return the regular file it names, or empty when it names none this site serves (another
     *         host, a missing file, a path leaving its folder)
     */
    Optional<Path> find(String src, Path sourceFile);

    /** @return a resolver that finds no file (images keep no intrinsic size) */
    static ImageFiles none() {
        return (src, sourceFile) -> Optional.empty();
    }

    /**
     * The site's own images: {@code /static/x} and any other root-relative {@code /x} name
     * {@code x} under the static folder (as Hugo and Jekyll serve their static folders at the
     * root); a relative {@code x} names {@code x} beside the Markdown file (a page bundle's
     * resources, Hugo's {@code posts/my-essay/index.md} with {@code diagram.png} beside it). A query
     * or fragment is ignored; percent-escapes are decoded. Only regular files strictly inside
     * the folder are found, with no hidden segment, and no symbolic link leading out of it
     * (design.md invariant 7).
     *
     * @param staticDir the folder served at {@code /static/}
     * @return the resolver
     */
    static ImageFiles site(Path staticDir) {
        Path statics = staticDir.toAbsolutePath().normalize();
        return (src, sourceFile) -> {
            String path = src.replaceFirst("[?#].*", "");
            if (path.isEmpty() || path.startsWith("//") || path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                return Optional.empty();
            }
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (path.startsWith("/")) {
                String relative = path.startsWith("/static/") ? path.substring("/static/".length()) : path.substring(1);
                return inside(statics, relative);
            }
            return sourceFile == null || sourceFile.toAbsolutePath().getParent() == null ? Optional.empty()
                    : inside(sourceFile.toAbsolutePath().getParent().normalize(), path);
        };
    }

    private static Optional<Path> inside(Path folder, String relative) {
        if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.contains("\\")) {
            return Optional.empty();
        }
        try {
            Path file = folder.resolve(relative).normalize();
            if (!file.startsWith(folder) || file.equals(folder)) {
                return Optional.empty();
            }
            for (Path part : folder.relativize(file)) {
                if (part.toString().startsWith(".")) {
                    return Optional.empty();
                }
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.toRealPath().startsWith(folder.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }
}
