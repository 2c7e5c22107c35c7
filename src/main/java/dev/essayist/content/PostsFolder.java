package dev.essayist.content;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import dev.essayist.site.Slugs;

/**
 * The content files of the posts folder, in name order, as Hugo and Jekyll arrange theirs:
 * <ul>
 *   <li>a post is a file with front matter ending in {@code .md}, {@code .markdown}, {@code .mkdown},
 *       {@code .mkdn}, {@code .mkd} (Markdown) or {@code .html} (HTML), at any depth;</li>
 *   <li>a page bundle is a folder holding {@code index.md} (or another post extension): that file is the
 *       post, and every other file below the folder is one of its resources;</li>
 *   <li>{@code pages/*.md} at the top are standalone pages such as {@code about};</li>
 *   <li>{@code _index.md} is a Hugo section's list page, and is not a post.</li>
 * </ul>
 * Every other file is skipped, and said so with its reason ({@link #skipped()}); hidden files and
 * folders (a leading {@code .}) and editors' lock and backup files ({@code #x.md#}, {@code x.md~})
 * are passed over without a word. At most {@link #MAX_DEPTH} folders deep; links are not followed.
 *
 * @param entries the content files
 * @param skipped the files that are not content, with why
 */
record PostsFolder(List<Entry> entries, List<Skipped> skipped) {

    /** Deepest folder read below the posts folder. */
    static final int MAX_DEPTH = 16;

    /** The extensions of post files. */
    private static final java.util.regex.Pattern DATE_PREFIX = java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-");

    static final Set<String> EXTENSIONS = Set.of("md", "markdown", "mkdown", "mkdn", "mkd", "html");

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
     * @param path     the file
     * @param relative its path below the posts folder, e.g. {@code my-essay/index.md}
     * @param kind     post or page
     */
    record Entry(Path path, Path relative, Kind kind) {
        /** @return the file as authors name it, e.g. {@code posts/2025-03-14-x.md} */
        String name() {
            return path.toString();
        }
    }

    /**
     * A file in the posts folder that is not content.
     *
     * @param file   the file
     * @param reason why it is not read, for {@code check}
     */
    record Skipped(String file, String reason) {
        @Override
        public String toString() {
            return file + ": skipped: " + reason;
        }
    }

    /**
     * @param dir the posts folder
     * @return its content files and the files it skips
     * @throws PostsFolderException if the folder does not exist or cannot be listed
     */
    static PostsFolder scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PostsFolderException("posts folder '" + dir.toAbsolutePath()
                    + "' does not exist or is not a folder (set essayist.posts-dir or ESSAYIST_POSTS_DIR)", null);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            files = walk.filter(f -> !hidden(dir.relativize(f)) && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PostsFolderException("cannot list the folder '" + dir.toAbsolutePath() + "': " + e, e);
        }
        Set<Path> bundles = new java.util.HashSet<>();
        files.stream().filter(f -> isBundleIndex(f.getFileName().toString()) && !f.getParent().equals(dir))
                .forEach(f -> bundles.add(f.getParent()));
        List<Entry> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : files) {
            Path relative = dir.relativize(file);
            String name = file.getFileName().toString();
            Path bundle = bundleOf(file, bundles, dir);
            if (relative.getNameCount() == 2 && relative.getName(0).toString().equals("pages")) {
                if (extension(name).equals("md")) {
                    entries.add(new Entry(file, relative, Kind.PAGE));
                } else {
                    skipped.add(new Skipped(file.toString(), "not a page: pages are pages/*.md"));
                }
            } else if (bundle != null && !file.getParent().equals(bundle) || bundle != null && !isBundleIndex(name)) {
                continue; // a resource of its bundle, served under the post's address
            } else if (name.equals("_index.md") || name.startsWith("_index.")) {
                skipped.add(new Skipped(file.toString(), "a section's list page (Hugo's _index.md), not a post"));
            } else if (!EXTENSIONS.contains(extension(name))) {
                skipped.add(new Skipped(file.toString(), "not a post (posts end in .md, .markdown or .html; images"
                        + " and downloads belong beside a post in its folder, as index.md, or in the static folder)"));
            } else if (!isContentName(name)) {
                continue; // an editor's lock or backup file
            } else {
                entries.add(new Entry(file, relative, Kind.POST));
            }
        }
        return new PostsFolder(entries, skipped);
    }

    /** @return the bundle folder a file is inside (its own or an ancestor's), or {@code null} */
    private static Path bundleOf(Path file, Set<Path> bundles, Path dir) {
        for (Path folder = file.getParent(); folder != null && !folder.equals(dir); folder = folder.getParent()) {
            if (bundles.contains(folder)) {
                return folder;
            }
        }
        return null;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param fileName a post's file (or bundle folder) name, e.g. {@code 2025-03-14-skip-locked.md}
     * @return the slug it implies: without a post extension ({@code .md}, {@code .markdown},
     *         {@code .html}, ...) and {@code yyyy-mm-dd-} prefix ({@code skip-locked})
     */
    static String slugOf(String fileName) {
        return Slugs.of(undated(baseName(fileName)));
    }

    /**
     * @param fileName a post's file (or bundle folder) name, e.g. {@code 2025-03-14-Skip.Locked.md}
     * @return it without a post extension, as written ({@code 2025-03-14-Skip.Locked}): Hugo's
     *         {@code :filename} before it is made a path
     */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(extension(fileName)) ? fileName.substring(0, dot) : fileName;
    }

    /**
     * @param baseName a name without extension
     * @return it without a {@code yyyy-mm-dd-} prefix ({@code Skip.Locked}), as Jekyll takes a
     *         post's title from its file name
     */
    static String undated(String baseName) {
        return DATE_PREFIX.matcher(baseName).replaceFirst("");
    }

    /** @return the extension, lower case, or {@code ""} */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a bare file name
     * @return whether it is a page bundle's post: {@code index} with a post extension
     */
    static boolean isBundleIndex(String name) {
        return name.startsWith("index.") && EXTENSIONS.contains(extension(name));
    }

    /**
     * Files whose changes concern content: a post extension, not hidden, and not an editor's lock or
     * backup file ({@code .#x.md}, {@code #x.md#}, {@code x.md~}, {@code .x.md.swp} either start with
     * a dot or {@code #} or do not end in a post extension).
     *
     * @param name a bare file name
     * @return whether a file of that name would be a post or page
     */
    static boolean isContentName(String name) {
        return EXTENSIONS.contains(extension(name)) && !name.startsWith(".") && !name.startsWith("#") && !name.startsWith("~");
    }
}
