package dev.essayist.site;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The files of {@code static/}, with their fingerprints. A file is read again only when its
 * modification time or size changes; pages reference {@code /static/css/site.css?v=FINGERPRINT},
 * so a changed stylesheet has a new URL and long-lived caches stay correct.
 *
 * <p>Only regular files strictly inside the folder are ever returned: the request path is
 * resolved and normalised, then must still start with the folder's real path and contain no
 * hidden segment (design.md invariant 7).
 */
@Singleton
public class StaticFiles {

    private final Path root;
    private final ConcurrentMap<Path, Entry> cache = new ConcurrentHashMap<>();
    /** Files whose fingerprint some page carries (through {@link #url}), and the entry it came from. */
    private final ConcurrentMap<Path, Entry> fingerprinted = new ConcurrentHashMap<>();
    /** How long a successful {@link #fingerprintsCurrent} check holds. */
    static final long RECHECK_NANOS = 250_000_000L;
    /** {@link System#nanoTime()} of the last check that found every fingerprint current. */
    private volatile long lastCurrent = System.nanoTime() - RECHECK_NANOS;
    /** Whether {@link #url} handed out a new fingerprint for a file since the last check. */
    private volatile boolean changed;

    StaticFiles(SiteConfig site) {
        this.root = site.statics().toAbsolutePath().normalize();
    }

    /**
     * A file of {@code static/} in memory.
     *
     * @param rendered the bytes and validators
     * @param modified the file's modification time when read
     * @param size     the file's size when read
     */
    record Entry(Rendered rendered, FileTime modified, long size) {
    }

    /**
     * @param relative a path below {@code static/}, such as {@code css/site.css}, already percent-decoded
     * @return the file's bytes and validators, or empty when there is no such regular file inside
     *         {@code static/} (including any attempt to leave it)
     */
    public Optional<Rendered> find(String relative) {
        if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.contains("\\")) {
            return Optional.empty();
        }
        Path file;
        try {
            file = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!file.startsWith(root) || file.equals(root)) {
            return Optional.empty();
        }
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return Optional.empty();
            }
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Entry entry = cache.get(file);
            if (entry == null || !entry.modified().equals(modified) || entry.size() != size) {
                entry = new Entry(Rendered.of(Files.readAllBytes(file), contentType(file.getFileName().toString()),
                        modified.toInstant()), modified, size);
                cache.put(file, entry);
            }
            return Optional.of(entry.rendered());
        } catch (IOException e) {
            return Optional.empty();
        }
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
     * @param relative a path below {@code static/}, e.g. {@code css/site.css}
     * @return its URL with a content fingerprint, {@code /static/css/site.css?v=…}; without one
     *         when the file is missing
     */
    public String url(String relative) {
        Optional<Rendered> file = find(relative);
        file.ifPresent(r -> {
            Path path = root.resolve(relative).normalize();
            Entry current = cache.get(path);
            Entry before = fingerprinted.put(path, current);
            if (before != null && (!before.modified().equals(current.modified()) || before.size() != current.size())) {
                // A page rendered now carries the new fingerprint; pages cached before carry the old
                // one, and the stat check below compares with the new entry, so it must be told.
                changed = true;
            }
        });
        return file.map(r -> "/static/" + relative + "?v=" + r.etag().substring(1, 11))
                .orElse("/static/" + relative);
    }

    /**
     * Whether every file whose fingerprint was handed out by {@link #url} still has the size and
     * modification time it had then: one {@code stat} per such file (the stylesheet, the feed's
     * XSLT), at most every {@link #RECHECK_NANOS} (a quarter second), so the page cache can ask
     * on every hit. An edited stylesheet reaches the pages within that quarter second.
     *
     * @return {@code false} (once) when a fingerprinted file changed or went away, so pages
     *         embedding its old URL are stale
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
        boolean current = statFingerprinted();
        if (current) {
            lastCurrent = now;
        }
        return current;
    }

    private boolean statFingerprinted() {
        for (Map.Entry<Path, Entry> e : fingerprinted.entrySet()) {
            try {
                BasicFileAttributes now = Files.readAttributes(e.getKey(), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!now.lastModifiedTime().equals(e.getValue().modified()) || now.size() != e.getValue().size()) {
                    fingerprinted.remove(e.getKey());
                    return false;
                }
            } catch (IOException gone) {
                fingerprinted.remove(e.getKey());
                return false;
            }
        }
        return true;
    }
}
