package dev.essayist.content;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one post file into a {@link ParsedPost}: split, decode front matter, validate, render.
 * Pure: it touches only the file it is given, so files can be read in parallel.
 */
public final class PostReader {

    private final ZoneId zone;
    private final MarkdownRenderer markdown;

    /**
     * @param zone     the site time zone, for bare dates
     * @param markdown the shared renderer
     */
    public PostReader(ZoneId zone, MarkdownRenderer markdown) {
        this.zone = zone;
        this.markdown = markdown;
    }

    /**
     * @param file the post file
     * @param name how to name it in problems (e.g. {@code posts/x.md})
     * @return the parsed post
     * @throws ContentException when the post cannot be published, with file, line and reason
     * @throws IOException      when the file cannot be read
     */
    public ParsedPost read(Path file, String name) throws IOException, ContentException {
        return parse(SourceFile.read(file, name), file.getFileName().toString());
    }

    /**
     * @param source   the split file
     * @param fileName the bare file name, from which the default slug comes
     * @return the parsed post
     * @throws ContentException when the post cannot be published
     */
    public ParsedPost parse(SourceFile source, String fileName) throws ContentException {
        List<ContentProblem> warnings = new ArrayList<>();
        FrontMatterFields fields = FrontMatterFields.parse(source.frontMatter(), source.name(), SourceFile.FRONT_MATTER_LINE);
        FrontMatter fm = FrontMatter.of(fields, zone, warnings);
        String slug = fm.slug() != null ? fm.slug() : Slugs.ofFileName(fileName);
        if (slug.length() > FrontMatter.MAX_SLUG) {
            throw fields.error(fields.line(fm.slug() != null ? "slug" : "title"), "the slug is " + slug.length()
                    + " characters; the limit is " + FrontMatter.MAX_SLUG + (fm.slug() != null ? "" : "; add a shorter 'slug:'"));
        }
        if (!Slugs.VALID.matcher(slug).matches()) {
            throw fields.error(fields.line(fm.slug() != null ? "slug" : "title"), fm.slug() != null
                    ? "slug '" + slug + "' has characters that are not URL-safe; use lowercase letters, digits and hyphens"
                    : "the file name gives no usable slug; add 'slug:' to the front matter");
        }
        for (String alias : fm.aliases()) {
            if (!alias.startsWith("/") || alias.contains("..") || alias.contains("?") || alias.contains("#")
                    || alias.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw fields.error(fields.line("aliases"), "alias '" + alias
                        + "' must be a root-relative path such as /2025/03/old-slug, with URL-safe characters");
            }
        }
        if (source.body().isBlank()) {
            warnings.add(ContentProblem.warning(source.name(), source.bodyLine(), "the body is empty"));
        }
        var body = markdown.render(source.body(), path(source));
        warnings.addAll(problems(source, body));
        String guid = fm.id() != null ? fm.id() : defaultId(fm, slug);
        if (guid.length() > FrontMatter.MAX_ID) {
            throw fields.error(fields.line("aliases"), "the default feed id '" + guid.substring(0, 40)
                    + "...' is longer than " + FrontMatter.MAX_ID + " characters; add an 'id:'");
        }
        String summary = fm.summary() != null ? fm.summary() : body.excerpt();
        java.util.Map<String, Integer> lines = new java.util.HashMap<>();
        fields.keys().forEach(key -> lines.put(key, fields.line(key)));
        return new ParsedPost(source, fm, slug, guid, summary, body, List.copyOf(warnings), java.util.Map.copyOf(lines));
    }

    /**
     * @param source a split file, named by its path as {@code ContentIndexer} names files
     * @return that path (relative images are looked up beside it), or {@code null} if the name is none
     */
    static Path path(SourceFile source) {
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
    static List<ContentProblem> problems(SourceFile source, MarkdownRenderer.RenderedMarkdown body) {
        return body.problems().stream().map(p -> new ContentProblem(source.name(), source.bodyLine() - 1 + p.line(),
                p.severity(), p.message())).toList();
    }

    /**
     * The id of a post whose front matter has none: its first publication date and its first slug,
     * {@code 2025-03-14-skip-locked}. The first slug is the first {@code /posts/...} alias (the URL
     * it was first published at) or else the current slug, so renaming a post and keeping the old
     * URL as an alias, as the README says, keeps its id.
     */
    static String defaultId(FrontMatter fm, String slug) {
        String first = fm.aliases().stream()
                .flatMap(a -> InternalLink.parse(a, "").flatMap(InternalLink::postSlug).stream())
                .findFirst()
                .orElse(slug);
        return DateTimeFormatter.ISO_LOCAL_DATE.format(fm.date()) + "-" + first;
    }
}
