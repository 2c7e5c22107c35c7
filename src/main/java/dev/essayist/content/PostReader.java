package dev.essayist.content;

import dev.essayist.site.Slugs;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one post file into a {@link ParsedPost}: split, decode front matter, validate, render, and
 * give it its address (its permalink, its aliases) and its feed id. Pure: it touches only the file
 * it is given, so files are read in parallel.
 */
public final class PostReader {

    /** What a path written by an author may hold: no space, control character, query, fragment or {@code ..}. */
    static final Pattern SAFE_PATH = Pattern.compile("/[^\\s?#\\\\]*");
    private static final String MORE = "<!--more-->";

    private final ZoneId zone;
    private final MarkdownRenderer markdown;
    private final Permalink permalink;
    @Nullable
    private final Permalink idPermalink;
    private final String base;

    /**
     * A reader with Essayist's own addresses ({@link Permalink#DEFAULT}) and feed ids.
     *
     * @param zone     the site time zone, for bare dates
     * @param markdown the shared renderer
     */
    public PostReader(ZoneId zone, MarkdownRenderer markdown) {
        this(zone, markdown, Permalink.of(Permalink.DEFAULT), null, "");
    }

    /**
     * @param zone        the site time zone, for bare dates
     * @param markdown    the shared renderer
     * @param permalink   the pattern of posts' paths ({@code essayist.permalink})
     * @param idPermalink the pattern whose absolute URLs are posts' default feed ids (the ids a
     *                    moved blog's engine published: Hugo's permalink, Jekyll's post.id; {@code essayist.feed.id-permalink}),
     *                    or {@code null} for Essayist's date-and-slug ids
     * @param base        the site's base URL without a trailing slash, for those ids
     */
    public PostReader(ZoneId zone, MarkdownRenderer markdown, Permalink permalink, @Nullable Permalink idPermalink,
                      String base) {
        this.zone = zone;
        this.markdown = markdown;
        this.permalink = permalink;
        this.idPermalink = idPermalink;
        this.base = base;
    }

    /**
     * @param file the post file
     * @param name how to name it in problems (e.g. {@code posts/x.md})
     * @return the parsed post
     * @throws ContentException when the post cannot be published, with file, line and reason
     * @throws java.io.IOException when the file cannot be read
     */
    public ParsedPost read(Path file, String name) throws java.io.IOException, ContentException {
        return parse(SourceFile.read(file, name), file.getFileName().toString());
    }

    /**
     * @param source   the split file
     * @param fileName the file's path relative to the posts folder, e.g. {@code 2025-03-14-x.md} or
     *                 {@code my-essay/index.md}; its name gives the default slug and date, its folder the section
     * @return the parsed post
     * @throws ContentException when the post cannot be published
     */
    public ParsedPost parse(SourceFile source, String fileName) throws ContentException {
        Path relative = Path.of(fileName);
        String name = relative.getFileName().toString();
        boolean bundle = PostsFolder.isBundleIndex(name);
        String own = bundle && relative.getParent() != null ? relative.getParent().getFileName().toString() : name;
        String section = relative.getNameCount() > (bundle ? 2 : 1) ? relative.getName(0).toString() : "";

        List<ContentProblem> warnings = new ArrayList<>();
        FrontMatterFields fields = FrontMatterFields.parse(source);
        FrontMatter fm = FrontMatter.of(fields, zone, warnings, own);
        String slug = slug(fm, own, fields, warnings);
        Permalink.Facts facts = new Permalink.Facts(fm.date(), slug, section, fm.categories(), PostsFolder.baseName(own),
                fm.slug(), fm.title());
        String path = path(fm, facts, fields);
        List<String> aliases = Identities.aliases(fm, path, fields);
        if (source.body().isBlank()) {
            warnings.add(ContentProblem.warning(source.name(), source.bodyLine(), "the body is empty"));
        }
        var body = PostsFolder.extension(name).equals("html") ? markdown.renderHtml(source.body(), file(source))
                : markdown.render(source.body(), file(source));
        if (bundle) {
            body = BundleLinks.rewrite(body, Permalink.key(path));
        }
        warnings.addAll(problems(source, body));
        String guid = fm.id() != null ? fm.id()
                : idPermalink != null ? base + formerId(fm, path, facts) : defaultId(fm, slug, aliases);
        if (guid.length() > FrontMatter.MAX_ID) {
            throw fields.error(fields.line("id"), "the default feed id '" + guid.substring(0, 40)
                    + "...' is longer than " + FrontMatter.MAX_ID + " characters; add an 'id:'");
        }
        String summary = fm.summary() != null ? fm.summary() : source.body().contains(MORE)
                ? BodyText.truncate(markdown.render(source.body().substring(0, source.body().indexOf(MORE))).text(),
                        FrontMatter.MAX_SUMMARY)
                : body.excerpt();
        Map<String, Integer> lines = new java.util.HashMap<>();
        fields.keys().forEach(key -> lines.put(key, fields.line(key)));
        Path folder = bundle ? file(source).getParent() : null;
        return new ParsedPost(source, fm, slug, path, aliases, guid, summary, body, folder, List.copyOf(warnings),
                Map.copyOf(lines), facts);
    }

    private static String slug(FrontMatter fm, String own, FrontMatterFields fields, List<ContentProblem> warnings)
            throws ContentException {
        String given = fm.slug();
        String slug = given != null ? given : PostsFolder.slugOf(own);
        if (given != null && !Slugs.VALID.matcher(given).matches() && !Slugs.of(given).isEmpty()) {
            slug = Slugs.of(given);
            warnings.add(ContentProblem.warning(fields.file(), fields.line("slug"), "slug '" + given
                    + "' is not URL-safe; the post is published as '" + slug + "'"));
        }
        if (slug.isEmpty() || !Slugs.VALID.matcher(slug).matches()) {
            throw fields.error(fields.line(given != null ? "slug" : "title"), given != null
                    ? "slug '" + given + "' has no letter or digit to make a URL of"
                    : "the file name gives no usable slug; add 'slug:' to the front matter");
        }
        if (slug.length() > FrontMatter.MAX_SLUG) {
            throw fields.error(fields.line(given != null ? "slug" : "title"), "the slug is " + slug.length()
                    + " characters; the limit is " + FrontMatter.MAX_SLUG + (given != null ? "" : "; add a shorter 'slug:'"));
        }
        return slug;
    }

    /**
     * The feed id the engine a blog moved from published for a post (feeds.md): the
     * {@code essayist.feed.id-permalink} pattern's path, unless the post named its own address.
     * Then Hugo's RSS guid was that address ({@code .Permalink}), and jekyll-feed's Atom id was
     * Jekyll's {@code post.id}: the address's folder joined to the post's slug ({@code Document#id}).
     *
     * @return the id's root-relative path
     */
    private String formerId(FrontMatter fm, String path, Permalink.Facts facts) {
        if (fm.url() == null) {
            return idPermalink.path(facts);
        }
        if (idPermalink.reading() == Permalink.Reading.HUGO) {
            return path;
        }
        String folder = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return folder.substring(0, folder.lastIndexOf('/')) + idPermalink.other("/:title").path(facts);
    }

    /** @return the post's own {@code url}/{@code permalink} (its tokens expanded), else the site's permalink */
    private String path(FrontMatter fm, Permalink.Facts facts, FrontMatterFields fields) throws ContentException {
        if (fm.url() == null) {
            return permalink.path(facts);
        }
        String key = fields.keys().contains("url") ? "url" : "permalink";
        String own = fm.url().startsWith("/") ? fm.url() : "/" + fm.url();
        String path;
        try {
            path = Permalink.hasTokens(own) ? permalink.other(own).path(facts) : own;
        } catch (IllegalArgumentException e) {
            throw fields.error(fields.line(key), "'" + key + "': " + e.getMessage());
        }
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.contains("//")) {
            throw fields.error(fields.line(key), "'" + key + "' must be a path such as /2019/10/01/welcome/, without"
                    + " spaces, '?', '#' or '..'");
        }
        return path;
    }

    /**
     * @param source a split file, named by its path as {@code ContentIndexer} names files
     * @return that path (relative images are looked up beside it), or {@code null} if the name is none
     */
    static Path file(SourceFile source) {
        try {
            return Path.of(source.name());
        } catch (java.nio.file.InvalidPathException e) {
            return null; // a name that is no path (a test's label): relative images are not looked up
        }
    }

    /**
     * @param source the split file
     * @param body   its rendered body
     * @return the body's blocks that could not be rendered as written, at their file lines
     */
    static List<ContentProblem> problems(SourceFile source, RenderedMarkdown body) {
        return body.problems().stream().map(p -> new ContentProblem(source.name(), source.bodyLine() - 1 + p.line(),
                p.severity(), p.message())).toList();
    }

    /**
     * The id of a post whose front matter has none, on a site that did not move from another engine:
     * its first publication date and its first slug, {@code 2025-03-14-skip-locked}. The first slug
     * is the first {@code /posts/...} alias (the URL it was first published at) or else the current
     * slug, so renaming a post and keeping the old URL as an alias keeps its id.
     */
    static String defaultId(FrontMatter fm, String slug, List<String> aliases) {
        String first = aliases.stream()
                .flatMap(a -> InternalLink.parse(a, "").flatMap(InternalLink::postSlug).stream())
                .findFirst()
                .orElse(slug);
        return DateTimeFormatter.ISO_LOCAL_DATE.format(fm.date()) + "-" + first;
    }
}
