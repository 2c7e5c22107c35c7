package dev.essayist.site;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The static files: the site's static folder ({@code essayist.static-dir}) over the {@link Theme}
 * in the jar. A path is the folder's file when the folder has one, else the theme's; so a file of
 * the same path in the folder overrides the bundled one, file by file. A folder file is read again
 * only when its modification time or size changes; pages reference
 * {@code /static/css/site.css?v=FINGERPRINT}, so a changed stylesheet has a new URL and long-lived
 * caches stay correct.
 *
 * <p>Only regular files strictly inside the folder ({@link StaticFolder}'s rules), and the theme's
 * listed files, are ever returned (design.md invariant 7).
 */
@Singleton
public class StaticFiles {

    private final Path root;
    private final Theme theme;
    private final ConcurrentMap<Path, Entry> cache = new ConcurrentHashMap<>();
    /** Folder paths whose file some page depends on (through {@link #watched}), and their state then. */
    private final ConcurrentMap<Path, State> watched = new ConcurrentHashMap<>();
    /** How long a successful {@link #fingerprintsCurrent} check holds. */
    static final long RECHECK_NANOS = 250_000_000L;
    /** {@link System#nanoTime()} of the last check that found every fingerprint current. */
    private volatile long lastCurrent = System.nanoTime() - RECHECK_NANOS;
    /** Whether {@link #watched} saw a file in a new state since the last check. */
    private volatile boolean changed;

    StaticFiles(SiteConfig site, Theme theme) {
        this.root = site.statics().toAbsolutePath().normalize();
        this.theme = theme;
    }

    /**
     * A file of the static folder in memory.
     *
     * @param rendered the bytes and validators
     * @param modified the file's modification time when read
     * @param size     the file's size when read
     */
    record Entry(Rendered rendered, FileTime modified, long size) {
    }

    /** What a folder path held: a regular file of this time and size, or nothing ({@link #ABSENT}). */
    private record State(FileTime modified, long size) {
        static final State ABSENT = new State(null, -1);
    }

    /** @return the static folder, absolute */
    public Path root() {
        return root;
    }

    /**
     * @param relative a path below {@code /static/}, such as {@code css/site.css}, already percent-decoded
     * @return the folder's file of that path, else the theme's, with validators; empty when neither
     *         has one (including any attempt to leave the folder or reach a hidden file)
     */
    public Optional<Rendered> find(String relative) {
        return StaticFolder.normalise(root, relative).flatMap(name -> folderFile(name).map(Entry::rendered).or(() -> theme.find(name)));
    }

    private Optional<Entry> folderFile(String name) {
        Optional<BasicFileAttributes> attributes = StaticFolder.served(root, name);
        if (attributes.isEmpty()) {
            return Optional.empty();
        }
        Path file = root.resolve(name);
        FileTime modified = attributes.get().lastModifiedTime();
        long size = attributes.get().size();
        Entry entry = cache.get(file);
        if (entry == null || !entry.modified().equals(modified) || entry.size() != size) {
            try {
                entry = new Entry(Rendered.of(Files.readAllBytes(file), contentType(name), modified.toInstant()), modified, size);
            } catch (IOException e) {
                return Optional.empty(); // gone or unreadable since the stat: served as missing
            }
            cache.put(file, entry);
        }
        return Optional.of(entry);
    }

    /**
     * @param fileName a file name
     * @return Micronaut's media type for its extension, with {@code charset=utf-8} for text
     */
    static String contentType(String fileName) {
        io.micronaut.http.MediaType type = io.micronaut.http.MediaType.forFilename(fileName);
        return SecurityHeadersFilter.isText(type) ? type.getName() + "; charset=utf-8" : type.getName();
    }

    /**
     * @param relative a path below {@code /static/}, e.g. {@code css/site.css}
     * @return its URL with a content fingerprint, {@code /static/css/site.css?v=…}; without one
     *         when the file is missing
     */
    public String url(String relative) {
        return watched(relative).map(r -> "/static/" + relative + "?v=" + r.etag().substring(1, 11))
                .orElse("/static/" + relative);
    }

    /**
     * A file as {@link #find} gives it, for a response that depends on it (a page carrying its
     * fingerprint, {@code /robots.txt} served from it): from then on {@link #fingerprintsCurrent}
     * turns {@code false} once whenever the folder's file of that path changes, appears (an override
     * of the theme) or goes away.
     *
     * @param relative a path below {@code /static/}
     * @return the file, or empty
     */
    public Optional<Rendered> watched(String relative) {
        Optional<String> name = StaticFolder.normalise(root, relative);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Entry> own = folderFile(name.get());
        State now = own.map(e -> new State(e.modified(), e.size())).orElse(State.ABSENT);
        State before = watched.put(root.resolve(name.get()), now);
        if (before != null && !before.equals(now)) {
            // A response made now depends on the new state; responses cached before depend on the
            // old one, and the stat check below compares with the new state, so it must be told.
            changed = true;
        }
        return own.map(Entry::rendered).or(() -> theme.find(name.get()));
    }

    /**
     * Whether every file handed out by {@link #watched} (and {@link #url}) is still in the state it
     * had then: one {@code stat} per such path (the stylesheet, the scripts, the feed's XSLT,
     * {@code robots.txt}), at most every {@link #RECHECK_NANOS} (a quarter second), so the page cache
     * can ask on every hit. An edited or newly added stylesheet reaches the pages within that quarter second.
     *
     * @return {@code false} (once) when a watched file changed, appeared or went away, so pages
     *         embedding its old URL or bytes are stale
     */
    public boolean fingerprintsCurrent() {
        if (changed) {
            changed = false;
            return false;
        }
        long now = System.nanoTime();
        if (now - lastCurrent < RECHECK_NANOS) {
            return true;
        }
        for (Map.Entry<Path, State> e : watched.entrySet()) {
            State state = StaticFolder.served(root, root.relativize(e.getKey()).toString())
                    .map(a -> new State(a.lastModifiedTime(), a.size())).orElse(State.ABSENT);
            if (!state.equals(e.getValue())) {
                watched.remove(e.getKey());
                return false;
            }
        }
        lastCurrent = now;
        return true;
    }
}
