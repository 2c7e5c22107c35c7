package dev.essayist.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A post's front matter, typed and validated (the fields of design.md's "Front matter").
 *
 * @param title   required, non-blank
 * @param date    required first publication time; a bare date is midnight in the site time zone
 * @param updated optional last meaningful update, never before {@code date}
 * @param tags    display names in file order, possibly empty
 * @param summary optional plain-text summary
 * @param slug    optional URL slug; {@code null} means "derive from the file name"
 * @param id      optional stable feed id; {@code null} means "derive from date and first slug"
 * @param draft   drafts appear nowhere public
 * @param aliases old root-relative paths that redirect (301) to this post
 */
public record FrontMatter(String title, ZonedDateTime date, ZonedDateTime updated, List<String> tags,
                          String summary, String slug, String id, boolean draft, List<String> aliases) {

    /** Longest title, in characters ({@code post.title}). */
    public static final int MAX_TITLE = 1024;
    /** Longest summary ({@code post.summary}). */
    public static final int MAX_SUMMARY = 4096;
    /** Longest slug ({@code post.slug}). */
    public static final int MAX_SLUG = 255;
    /** Longest feed id ({@code post.guid}). */
    public static final int MAX_ID = 512;
    /** Longest tag name ({@code tag.name}, {@code tag.slug}). */
    public static final int MAX_TAG = 255;
    /** Longest alias path ({@code alias.path}). */
    public static final int MAX_ALIAS = 1024;

    /** The keys a post's front matter may use. */
    public static final Set<String> KEYS =
            Set.of("title", "date", "updated", "tags", "summary", "slug", "id", "draft", "aliases");

    /**
     * Reads and validates a post's front matter.
     *
     * @param fields   the parsed YAML mapping
     * @param zone     the site time zone, for dates without an offset
     * @param warnings receives problems that do not stop publication (unknown keys)
     * @return the typed front matter
     * @throws ContentException on a missing or empty title, a missing or invalid date, an
     *                          {@code updated} before {@code date}, or a value of the wrong type
     */
    public static FrontMatter of(FrontMatterFields fields, ZoneId zone, List<ContentProblem> warnings)
            throws ContentException {
        for (String key : fields.keys()) {
            if (!KEYS.contains(key)) {
                warnings.add(ContentProblem.warning(fields.file(), fields.line(key),
                        "unknown key '" + key + "'" + closest(key).map(k -> "; did you mean '" + k + "'?").orElse("")));
            }
        }
        String title = fields.string("title").map(String::strip).orElse("");
        if (title.isEmpty()) {
            throw fields.error(fields.line("title"), fields.keys().contains("title")
                    ? "'title' is empty" : "'title' is missing; every post needs a title");
        }
        ZonedDateTime date = dateTime(fields, "date", zone)
                .orElseThrow(() -> fields.error(fields.line("date"),
                        "'date' is missing; add the first publication date, e.g. date: 2025-03-14"));
        ZonedDateTime updated = dateTime(fields, "updated", zone).orElse(null);
        if (updated != null && updated.isBefore(date)) {
            throw fields.error(fields.line("updated"), "'updated' (" + updated.toOffsetDateTime()
                    + ") is before 'date' (" + date.toOffsetDateTime() + ")");
        }
        FrontMatter fm = new FrontMatter(title, date, updated, List.copyOf(fields.strings("tags")),
                fields.string("summary").map(String::strip).filter(s -> !s.isEmpty()).orElse(null),
                fields.string("slug").map(String::strip).orElse(null),
                fields.string("id").map(String::strip).orElse(null),
                fields.bool("draft").orElse(false),
                List.copyOf(fields.strings("aliases")));
        fm.checkLengths(fields);
        return fm;
    }

    /**
     * Every value must fit the index's column, or the file would fail the database write (design.md
     * invariant 9: a file's problem is that file's error, named before the database sees it).
     */
    private void checkLengths(FrontMatterFields fields) throws ContentException {
        limit(fields, "title", title, MAX_TITLE);
        limit(fields, "summary", summary, MAX_SUMMARY);
        limit(fields, "slug", slug, MAX_SLUG);
        limit(fields, "id", id, MAX_ID);
        for (String tag : tags) {
            limit(fields, "tags", tag, MAX_TAG);
        }
        for (String alias : aliases) {
            limit(fields, "aliases", alias, MAX_ALIAS);
        }
    }

    private static void limit(FrontMatterFields fields, String key, String value, int max) throws ContentException {
        if (value != null && value.length() > max) {
            throw fields.error(fields.line(key), "'" + key + "' has a value of " + value.length()
                    + " characters; the limit is " + max);
        }
    }

    /**
     * Reads an ISO-8601 date or date-time: {@code 2025-03-14}, {@code 2025-03-14T09:00},
     * {@code 2025-03-14T09:00:00-05:00} (a space may stand for the {@code T}). Without an offset
     * the time is in {@code zone}; without a time it is midnight.
     *
     * @throws ContentException {@code 'date' is not a date: "2025-13-01"}
     */
    static Optional<ZonedDateTime> dateTime(FrontMatterFields fields, String key, ZoneId zone)
            throws ContentException {
        Optional<String> raw = fields.string(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String text = raw.get().strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(zone));
            }
            try {
                return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(zone));
            } catch (DateTimeParseException noOffset) {
                return Optional.of(LocalDateTime.parse(text).atZone(zone));
            }
        } catch (DateTimeParseException e) {
            throw fields.error(fields.line(key), "'" + key + "' is not a date: \"" + raw.get()
                    + "\" (use ISO-8601, e.g. 2025-03-14 or 2025-03-14T09:00:00-05:00)");
        }
    }

    private static Optional<String> closest(String key) {
        return KEYS.stream()
                .min(Comparator.comparingInt(known -> editDistance(known, key.toLowerCase(java.util.Locale.ROOT))))
                .filter(known -> editDistance(known, key.toLowerCase(java.util.Locale.ROOT)) <= Math.max(2, key.length() / 3));
    }

    /** Levenshtein distance, for "did you mean" hints on a handful of short keys. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** @return the tags with duplicates by slug removed, first spelling kept */
    public List<String> distinctTags() {
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String tag : tags) {
            if (seen.add(Slugs.of(tag))) {
                out.add(tag);
            }
        }
        return out;
    }
}
