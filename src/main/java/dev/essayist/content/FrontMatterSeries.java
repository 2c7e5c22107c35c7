package dev.essayist.content;

import dev.essayist.site.Slugs;
import java.util.List;

/**
 * The two keys that make a post a part of a series: {@code series}, the series' name, and
 * {@code series_order}, an optional whole number that places the part among the others.
 *
 * <p>A series is known by the slug of its name, as a tag is ({@link Slugs}): "Multi-tenant
 * PostgreSQL" and "multi-tenant postgresql" name one series, at {@code /series/multi-tenant-postgresql}.
 * Parts are read in {@code series_order} (ascending), parts without one after those that have
 * one; ties, and parts without an order, by date. The order is a sort key, not the part's number:
 * orders 10, 20, 30 make parts 1, 2 and 3.
 */
final class FrontMatterSeries {

    /** Longest series name, and its slug ({@code post.series_name}, {@code post.series_slug}). */
    static final int MAX_NAME = 255;

    private FrontMatterSeries() {
    }

    /**
     * @param fields   the front matter
     * @param warnings receives a warning for a name without a letter or digit, which can have no address,
     *                 and for a list of several names, of which the first is kept
     * @return the series' name, stripped: the text, or the first item of a list (a Hugo taxonomy);
     *         {@code null} when there is none (or it can have no address)
     * @throws ContentException if {@code series} is neither text nor a list of texts, or it or its slug is
     *                          longer than {@link #MAX_NAME}
     */
    static String name(FrontMatterFields fields, List<ContentProblem> warnings) throws ContentException {
        int line = fields.line("series");
        String name;
        try {
            name = fields.string("series").map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        } catch (ContentException notText) {
            // Hugo themes declare series as a taxonomy, a list (series: ["Name"]).
            List<String> names;
            try {
                names = fields.strings("series");
            } catch (ContentException neither) {
                throw fields.error(line, "'series' must be a name, such as series: \"Multi-tenant PostgreSQL\"");
            }
            if (names.size() > 1) {
                warnings.add(ContentProblem.warning(fields.file(), line, "'series' names " + names.size()
                        + " series; a post is a part of one here, so it is in \"" + names.get(0) + "\" only"));
            }
            name = names.isEmpty() ? null : names.get(0);
        }
        if (name == null) {
            return null;
        }
        String slug = Slugs.of(name);
        if (slug.isEmpty()) {
            warnings.add(ContentProblem.warning(fields.file(), line, "'series' (\"" + name
                    + "\") has no letter or digit to make its address from; the post is in no series"));
            return null;
        }
        if (name.length() > MAX_NAME || slug.length() > MAX_NAME) {
            throw fields.error(line, "'series' has a value of " + Math.max(name.length(), slug.length())
                    + " characters; the limit is " + MAX_NAME);
        }
        return name;
    }

    /**
     * @param fields   the front matter
     * @param warnings receives a warning for an order without a series, which is ignored
     * @return {@code series_order} as a number, or {@code null} when absent or without a series
     * @throws ContentException if {@code series_order} is not a whole number that fits 32 bits
     */
    static Integer order(FrontMatterFields fields, List<ContentProblem> warnings) throws ContentException {
        String text = fields.string("series_order").map(String::strip).orElse(null);
        if (text == null) {
            return null;
        }
        int line = fields.line("series_order");
        Integer order;
        try {
            order = Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw fields.error(line, "'series_order' must be a whole number such as 2, not \"" + text + "\"");
        }
        if (!fields.keys().contains("series")) {
            warnings.add(ContentProblem.warning(fields.file(), line,
                    "'series_order' is ignored: the post has no 'series'"));
            return null;
        }
        return order;
    }
}
