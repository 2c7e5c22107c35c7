package dev.essayist.post;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The series navigation of an essay that is a part of a series (front matter {@code series}): its
 * place ("Part 2 of 3"), every published part in reading order ({@link SeriesParts#READING_ORDER}),
 * and the parts just before and after it.
 */
@Singleton
class EssaySeries {

    private final SeriesParts parts;

    EssaySeries(SeriesParts parts) {
        this.parts = parts;
    }

    /**
     * An essay's place in its series.
     *
     * @param name         the series' name (as its first part spells it)
     * @param url          the series page, {@code /series/{slug}}
     * @param number       this essay's part number, from 1
     * @param total        how many parts are published
     * @param parts        every published part, in reading order, this one marked {@code current}
     * @param previous     the part before this one, or {@code null} for the first
     * @param next         the part after this one, or {@code null} for the last
     * @param lastModified the newest content time among the parts, for the page's validators
     */
    record Nav(String name, String url, int number, int total, List<Part> parts, Part previous, Part next,
               Instant lastModified) {
    }

    /**
     * One part of a series, as the navigation lists it.
     *
     * @param number  its part number, from 1
     * @param title   plain-text title
     * @param url     root-relative canonical path
     * @param current whether it is the essay being read
     */
    record Part(int number, String title, String url, boolean current) {
    }

    /**
     * @param post an essay being shown
     * @param now  the current time
     * @return its series navigation; empty when it names no series, or is not among the series'
     *         published parts
     */
    Optional<Nav> of(Post post, Instant now) {
        if (post.seriesSlug() == null) {
            return Optional.empty();
        }
        List<PostSummary> published = parts.findParts(post.seriesSlug(), now);
        int index = published.stream().map(PostSummary::id).toList().indexOf(post.id());
        if (index < 0) {
            return Optional.empty();
        }
        List<Part> list = new java.util.ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            PostSummary p = published.get(i);
            list.add(new Part(i + 1, p.title(), p.path(), i == index));
        }
        String name = parts.findName(post.seriesSlug(), now).orElse(post.seriesName());
        return Optional.of(new Nav(name, SeriesParts.PATH + post.seriesSlug(), index + 1, list.size(), List.copyOf(list),
                index > 0 ? list.get(index - 1) : null, index + 1 < list.size() ? list.get(index + 1) : null,
                PostListing.newest(published)));
    }
}
