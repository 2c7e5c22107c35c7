package dev.essayist.cli;

import dev.essayist.content.ContentException;
import dev.essayist.content.MarkdownRenderer;
import dev.essayist.content.PostReader;
import dev.essayist.site.Slugs;
import dev.essayist.content.SourceFile;
import dev.essayist.site.SiteConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code new "Title" [--tags a,b] [--draft] [--posts DIR]}: writes {@code posts/YYYY-MM-DD-slug.md}
 * (today in the site time zone) with complete front matter: title, date (now, to the minute, with
 * the zone's offset), tags, summary, slug, a stable {@code id} ({@code YYYY-MM-DD-slug}, the form
 * of design.md's front matter), draft and aliases. Refuses to overwrite a file, exit 1.
 */
@Singleton
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Start a new essay: write posts/YYYY-MM-DD-slug.md with complete front matter.")
final class NewCommand implements Subcommand {

    private final SiteConfig site;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "the essay's title")
    String title;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "comma-separated tags")
    List<String> tags = List.of();

    @Option(names = "--draft", description = "mark it a draft (shown only in preview mode)")
    boolean draft;

    @Option(names = "--posts", paramLabel = "DIR", description = "the posts folder (default: essayist.posts-dir)")
    Path posts;

    NewCommand(SiteConfig site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        String slug = Slugs.of(title);
        if (slug.isEmpty()) {
            spec.commandLine().getErr().println("error: the title \"" + title + "\" has no letter or digit to make a slug from");
            return 1;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(site.zone())).truncatedTo(ChronoUnit.MINUTES);
        String day = DateTimeFormatter.ISO_LOCAL_DATE.format(now);
        Path file = (posts != null ? posts : site.posts()).resolve(day + "-" + slug + ".md");
        String text = frontMatter(now, day + "-" + slug, slug)
                + "Write the first paragraph here; it is the summary on the index unless front matter has one.\n";
        verify(text, file);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("error: " + file + " already exists; not overwritten");
            return 1;
        }
        spec.commandLine().getOut().println("Created " + file + (draft ? " (draft)" : ""));
        return 0;
    }

    private String frontMatter(ZonedDateTime now, String id, String slug) {
        return "---\n"
                + "title: " + quote(title.strip()) + "\n"
                + "date: " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now) + "\n"
                + "# updated: " + DateTimeFormatter.ISO_LOCAL_DATE.format(now) + "\n"
                + "tags: [" + tags.stream().map(String::strip).filter(t -> !t.isEmpty()).map(NewCommand::quote)
                        .collect(Collectors.joining(", ")) + "]\n"
                + "summary: \"\"\n"
                + "slug: " + slug + "\n"
                + "id: " + id + "\n"
                + "draft: " + draft + "\n"
                + "aliases: []\n"
                + "---\n";
    }

    /** A YAML double-quoted scalar (YAML 1.2 §7.3.1): backslash and quote escaped. */
    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The file written must be one the indexer accepts; anything else is a bug here. */
    private void verify(String text, Path file) {
        try {
            new PostReader(site.zone(), new MarkdownRenderer())
                    .parse(SourceFile.parse(text.getBytes(StandardCharsets.UTF_8), file.toString()), file.getFileName().toString());
        } catch (ContentException e) {
            throw new IllegalStateException("new wrote front matter the reader rejects: " + e.getMessage(), e);
        }
    }
}
