package dev.essayist.content;

import dev.essayist.page.PageData;
import dev.essayist.page.PageData.Experience;
import dev.essayist.page.PageData.PageLink;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a standalone page ({@code posts/pages/about.md}). Its front matter has {@code title}
 * (required), {@code summary}, {@code updated}, and the structured lists {@code experience}
 * (items with {@code role}, {@code organisation}, {@code period}, {@code context}, {@code summary}) and
 * {@code links} (items with {@code label}, {@code url}).
 *
 * <p>A link's URL passes the same {@link UrlPolicy} as links in bodies. A refused one (a
 * {@code javascript:} or {@code data:} URL, say) is left out and reported as a warning at its
 * line, so the page stays up without it.
 */
public final class PageReader {

    /** The keys a page's front matter may use. */
    static final Set<String> KEYS = Set.of("title", "summary", "updated", "experience", "links");

    private final ZoneId zone;
    private final MarkdownRenderer markdown;

    /**
     * @param zone     the site time zone, for bare dates
     * @param markdown the shared renderer
     */
    public PageReader(ZoneId zone, MarkdownRenderer markdown) {
        this.zone = zone;
        this.markdown = markdown;
    }

    /**
     * @param source   the split file
     * @param fileName the bare file name, from which the page's slug comes ({@code about.md}: {@code about})
     * @return the parsed page
     * @throws ContentException when it cannot be published, with file, line and reason
     */
    public ParsedPage parse(SourceFile source, String fileName) throws ContentException {
        String name = source.name();
        FrontMatterFields fields = FrontMatterFields.parse(source);
        List<ContentProblem> warnings = new ArrayList<>();
        for (String key : fields.keys()) {
            if (!KEYS.contains(key)) {
                warnings.add(ContentProblem.warning(name, fields.line(key), "unknown key '" + key + "' for a page"));
            }
        }
        String title = fields.string("title").map(String::strip).filter(t -> !t.isEmpty())
                .orElseThrow(() -> fields.error(fields.line("title"), "'title' is missing or empty"));
        List<Experience> experience = new ArrayList<>();
        for (FrontMatterFields item : fields.mappings("experience")) {
            experience.add(new Experience(required(item, "role"), required(item, "organisation"),
                    item.string("period").orElse(""), item.string("context").orElse(""),
                    item.string("summary").orElse("")));
        }
        List<PageLink> links = new ArrayList<>();
        for (FrontMatterFields item : fields.mappings("links")) {
            String label = required(item, "label");
            String url = required(item, "url");
            UrlPolicy.href(url).ifPresentOrElse(href -> links.add(new PageLink(label, href)),
                    () -> warnings.add(ContentProblem.warning(name, item.line("url"), "link '" + label + "': "
                            + UrlPolicy.refusal(url) + "; the link is left out")));
        }
        var body = markdown.render(source.body(), java.nio.file.Path.of(source.name()));
        warnings.addAll(PostReader.problems(source, body));
        return new ParsedPage(source, fileName.substring(0, fileName.length() - 3), title,
                fields.string("summary").orElse(body.excerpt()),
                FrontMatterDates.read(fields, "updated", zone).orElse(null),
                body.html(), new PageData(experience, links), warnings);
    }

    private static String required(FrontMatterFields item, String key) throws ContentException {
        return item.string(key).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> item.error(item.line(key), "'" + key + "' is missing"));
    }
}
