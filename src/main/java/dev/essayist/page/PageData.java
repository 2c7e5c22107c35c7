package dev.essayist.page;

import dev.essayist.site.JsonColumn;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The structured part of a page's front matter.
 *
 * @param experience roles, newest first, as the author lists them
 * @param links      where else to find the author (code, email, feed)
 */
@Serdeable
public record PageData(List<Experience> experience, List<PageLink> links) {

    /** The {@code page.data} column: the record as JSON. */
    @Singleton
    static final class Column extends JsonColumn<PageData> {
        Column(ObjectMapper json) {
            super(json, Argument.of(PageData.class));
        }
    }

    /**
     * One line of the experience list.
     *
     * @param role         the author's part, e.g. "Senior Software Engineer" or "Frontend lead, claim pipeline"
     * @param organisation e.g. "GoFundMe", or the project's name for the author's own project
     * @param period       dates as the author writes them, e.g. "2023–2025"; empty when not given
     * @param context      what the work was part of, when that is not a date, e.g. "2025 hackathon,
     *                     then production"; empty when not given
     * @param summary      one line of what was built
     */
    @Serdeable
    public record Experience(String role, String organisation, String period, String context, String summary) {
    }

    /**
     * A labelled link.
     *
     * @param label visible text
     * @param url   absolute URL, {@code mailto:} address or site path, as {@code content.UrlPolicy} allows it
     */
    @Serdeable
    public record PageLink(String label, String url) {
    }
}
