package dev.essayist.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content files of the posts folder: posts ({@code posts/*.md}) and standalone pages
 * ({@code posts/pages/*.md}), in name order.
 */
final class PostsFolder {

    /** What a content file is. */
    enum Kind {
        /** An essay. */
        POST,
        /** A standalone page such as {@code about}. */
        PAGE
    }

    /**
     * A content file found by a scan.
     *
     * @param path the file
     * @param kind post or page
     */
    record Entry(Path path, Kind kind) {
        /** @return the file as authors name it, e.g. {@code posts/2025-03-14-x.md} */
        String name() {
            return path.toString();
        }
    }

    private PostsFolder() {
    }

    /**
     * @param dir the posts folder
     * @return its posts, then the pages of its {@code pages/} folder
     * @throws PostsFolderException if the folder does not exist or cannot be listed
     */
    static List<Entry> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PostsFolderException("posts folder '" + dir.toAbsolutePath()
                    + "' does not exist or is not a folder (set essayist.posts-dir or ESSAYIST_POSTS_DIR)", null);
        }
        List<Entry> entries = new ArrayList<>();
        list(dir).forEach(p -> entries.add(new Entry(p, Kind.POST)));
        Path pages = dir.resolve("pages");
        if (Files.isDirectory(pages)) {
            list(pages).forEach(p -> entries.add(new Entry(p, Kind.PAGE)));
        }
        return entries;
    }

    /**
     * Files that are content: {@code *.md}, not hidden, and not an editor's lock or backup file
     * ({@code .#x.md}, {@code #x.md#}, {@code x.md~}, {@code .x.md.swp} do not end in {@code .md}
     * or start with a dot).
     *
     * @param name a bare file name
     * @return whether a file of that name would be a post or page
     */
    static boolean isContentName(String name) {
        return name.endsWith(".md") && !name.startsWith(".") && !name.startsWith("#") && !name.startsWith("~");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> isContentName(f.getFileName().toString()) && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new PostsFolderException("cannot list the folder '" + dir.toAbsolutePath() + "': " + e, e);
        }
    }
}
