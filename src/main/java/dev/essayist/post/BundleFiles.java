package dev.essayist.post;

import dev.essayist.site.Rendered;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a page bundle ({@code posts/my-essay/index.md} and the images and downloads beside
 * it, as Hugo arranges them), served under the essay's path: {@code /posts/my-essay/diagram.png}.
 * Only while the essay is published, and with the containment rules of the static folder
 * (design.md invariant 7): no path out of the bundle folder, no hidden file or folder, no link
 * that leads out, no post file of the bundle itself.
 */
@Singleton
class BundleFiles {

    private static final Logger LOG = LoggerFactory.getLogger(BundleFiles.class);
    /** Largest resource served, in bytes; larger files belong in the static folder or a CDN. */
    static final long MAX_BYTES = 64L << 20;

    private final PostRepository posts;

    BundleFiles(PostRepository posts) {
        this.posts = posts;
    }

    /**
     * @param key a request path without a trailing slash, e.g. {@code /posts/my-essay/img/a.png}
     * @param now the current time
     * @return the file, when the path is under a published bundle essay's path and names a file of it
     */
    Optional<Rendered> find(String key, Instant now) {
        for (int slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1)) {
            Optional<Post> post = posts.findPublishedByPath(key.substring(0, slash), now);
            if (post.isPresent()) {
                return post.get().bundle() == null ? Optional.empty() : read(Path.of(post.get().bundle()), key.substring(slash + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rendered> read(Path bundle, String relative) {
        try {
            Path folder = bundle.toRealPath();
            Path file = folder.resolve(relative).normalize();
            if (!file.startsWith(folder) || relative.contains("\\") || hidden(folder.relativize(file))
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || isPost(file, folder)
                    || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            String type = MediaType.forFilename(file.getFileName().toString()).toString();
            if (type.startsWith("text/") && !type.contains("charset")) {
                type += "; charset=utf-8";
            }
            return Optional.of(Rendered.of(Files.readAllBytes(file), type, Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            LOG.debug("No bundle file {} in {} ({})", relative, bundle, e.toString());
            return Optional.empty();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** @return whether it is the bundle's own post file, whose source is not published as a file */
    private static boolean isPost(Path file, Path folder) {
        return file.getParent().equals(folder) && file.getFileName().toString().startsWith("index.");
    }
}
