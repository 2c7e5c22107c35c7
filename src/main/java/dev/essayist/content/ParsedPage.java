package dev.essayist.content;

import dev.essayist.page.PageData;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A standalone page file that parsed.
 *
 * @param source   the split file
 * @param slug     the file name without {@code .md}
 * @param title    plain-text title
 * @param summary  front matter summary or the first paragraph's text
 * @param updated  front matter {@code updated}, or {@code null}
 * @param html     the rendered body
 * @param data     the structured front matter (experience, links)
 * @param warnings problems that did not stop publication
 */
record ParsedPage(SourceFile source, String slug, String title, String summary, ZonedDateTime updated,
                         String html, PageData data, List<ContentProblem> warnings) implements ParsedFile {
}
