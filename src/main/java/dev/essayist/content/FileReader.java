package dev.essayist.content;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one content file into its {@link FileState}: checks its size, reads its bytes once, hashes
 * them, and parses them unless the hash is one already known. Pure apart from reading that one
 * file, so files are read in parallel. Whatever goes wrong costs that file alone: it becomes its
 * {@link FileState.Failed} with file, line and reason.
 */
final class FileReader {

    private static final Logger LOG = LoggerFactory.getLogger(FileReader.class);

    /** Longest file path stored ({@code indexed_file.path}, {@code post.source_path}). */
    static final int MAX_PATH = 1024;

    private final PostReader posts;
    private final PageReader pages;

    /**
     * @param posts reads posts
     * @param pages reads standalone pages
     */
    FileReader(PostReader posts, PageReader pages) {
        this.posts = posts;
        this.pages = pages;
    }

    /**
     * @param entry     the file
     * @param knownHash the SHA-256 of its bytes as last indexed, or as last failed; {@code null} if none
     * @return its state, or empty when it was deleted between the listing and the reading (an
     *         editor's save, a checkout): it is then gone
     */
    Optional<FileState> read(PostsFolder.Entry entry, @Nullable String knownHash) {
        String name = entry.name();
        String hash = null;
        if (name.length() > MAX_PATH) {
            return failed(name, null, ContentProblem.error(name, 0,
                    "the file's path is " + name.length() + " characters; the limit is " + MAX_PATH));
        }
        try {
            long size = Files.size(entry.path());
            if (size > SourceFile.MAX_BYTES) {
                return failed(name, null, ContentProblem.error(name, 0,
                        "file is " + size + " bytes; the limit is " + SourceFile.MAX_BYTES + " (2 MB)"));
            }
            byte[] bytes = Files.readAllBytes(entry.path());
            hash = SourceFile.sha256(bytes);
            if (hash.equals(knownHash)) {
                return Optional.of(new FileState.Unchanged(name, hash));
            }
            SourceFile source = SourceFile.parse(bytes, name, hash);
            BodyLimits.check(source);
            ParsedFile parsed = entry.kind() == PostsFolder.Kind.POST
                    ? posts.parse(source, entry.relative().toString())
                    : pages.parse(source, entry.path().getFileName().toString());
            return Optional.of(new FileState.Parsed(name, parsed));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (ContentException e) {
            return failed(name, hash, e.problem());
        } catch (IOException e) {
            return failed(name, null, ContentProblem.error(name, 0, "cannot read the file: " + e));
        } catch (StackOverflowError e) {
            return failed(name, hash, ContentProblem.error(name, 0, "nested too deeply to render (blockquotes, lists,"
                    + " emphasis or HTML inside each other); the file is left out"));
        } catch (RuntimeException e) {
            // A bug in a parser must cost one file, not the whole index; log it with its trace.
            LOG.error("Unexpected failure reading {}", name, e);
            return failed(name, hash, ContentProblem.error(name, 0, "cannot be read: " + e));
        }
    }

    private static Optional<FileState> failed(String name, @Nullable String hash, ContentProblem problem) {
        return Optional.of(new FileState.Failed(name, hash, List.of(problem)));
    }
}
