package dev.essayist.content;

import dev.essayist.page.Page;
import dev.essayist.post.Post;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

/** The rows a parsed file becomes, as {@link IndexWriter} writes them: pure mappings. */
final class Rows {

    private Rows() {
    }

    /**
     * @param fm      a post's front matter
     * @param preview whether the site runs in preview mode
     * @return the post's {@code visible_from}: its publish date (else its date), never ({@code null})
     *         for a draft, the epoch in preview mode (see {@code PostRepository.PUBLISHED})
     */
    static Instant visibleFrom(FrontMatter fm, boolean preview) {
        return preview ? Instant.EPOCH : fm.draft() ? null : fm.visibleFrom().toInstant();
    }

    /**
     * @param fm      a post's front matter
     * @param preview whether the site runs in preview mode
     * @return the post's {@code visible_until}: its expiry date (Hugo's {@code expiryDate}), never in preview mode
     */
    static Instant visibleUntil(FrontMatter fm, boolean preview) {
        return preview || fm.expiryDate() == null ? null : fm.expiryDate().toInstant();
    }

    /**
     * @param parsed  a parsed post
     * @param preview whether the site runs in preview mode
     * @return its {@code post} row, without an id
     */
    static Post post(ParsedPost parsed, boolean preview) {
        FrontMatter fm = parsed.frontMatter();
        Instant published = fm.date().toInstant();
        Instant visibleFrom = visibleFrom(fm, preview);
        var body = parsed.body();
        return new Post(null, parsed.source().name(), parsed.source().hash(), parsed.slug(), parsed.path(),
                parsed.pathKey(), parsed.bundle() == null ? null : parsed.bundle().toString(), parsed.guid(), fm.title(),
                parsed.summary(), body.html(), body.headings(), body.hasCode(), published,
                fm.updated() == null ? null : fm.updated().toInstant(), fm.draft(), fm.authors(), visibleFrom,
                visibleUntil(fm, preview), body.words(), body.readingMinutes());
    }

    /**
     * @param post a parsed post
     * @param base the site's base URL
     * @return the paths of this site's pages that its body links to, for the link graph
     */
    static Set<String> linkedPaths(ParsedPost post, String base) {
        Set<String> paths = new LinkedHashSet<>();
        for (String href : post.body().links()) {
            InternalLink.parse(href, base).filter(l -> !l.samePage() && l.staticFile().isEmpty())
                    .ifPresent(l -> paths.add(l.path()));
        }
        return paths;
    }

    /**
     * @param parsed a parsed page
     * @return its {@code page} row
     */
    static Page page(ParsedPage parsed) {
        Instant updated = parsed.updated() != null ? parsed.updated().toInstant() : modified(parsed.source().name());
        return new Page(parsed.slug(), parsed.source().name(), parsed.source().hash(), parsed.title(),
                parsed.summary(), parsed.html(), parsed.data(), updated);
    }

    private static Instant modified(String file) {
        try {
            return Files.getLastModifiedTime(Path.of(file)).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file, e);
        }
    }
}
