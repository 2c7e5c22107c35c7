package dev.essayist.page;

import dev.essayist.content.UrlPolicy;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The structured part of a page's front matter.
 *
 * @param experience roles, newest first, as the author lists them
 * @param links      where else to find the author (code, email, feed)
 */
@Serdeable
public record PageData(List<Experience> experience, List<PageLink> links) {

    /**
     * The links {@link UrlPolicy} allows are already the only ones a page is indexed with; this
     * applies it again where the data is rendered, so a row indexed before a rule existed cannot
     * put a refused URL on a page either.
     *
     * @return this data without the links whose URL the policy refuses
     */
    PageData withAllowedLinks() {
        return new PageData(experience, links.stream().filter(link -> UrlPolicy.allows(link.url())).toList());
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
