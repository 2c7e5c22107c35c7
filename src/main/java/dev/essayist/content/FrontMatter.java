package dev.essayist.content;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A post's front matter, typed and validated: Essayist's keys (design.md, "Front matter") and the
 * keys of Hugo and Jekyll with the meaning their engine gives them (see {@link FrontMatterKeys}).
 *
 * <p>Which key gives each value, first found wins:
 * <ul>
 *   <li>{@code date}: {@code date}, else the publish date, else the date in a Jekyll file name
 *       ({@code 2019-10-01-title.md}); required.</li>
 *   <li>{@code updated}: {@code updated}, Hugo's {@code lastmod} or {@code modified}, Jekyll's
 *       {@code last_modified_at}.</li>
 *   <li>{@code publishDate} (Hugo): {@code publishDate}, {@code pubdate}, or {@code published} given as a
 *       date; readers see the post from then.</li>
 *   <li>{@code expiryDate} (Hugo): {@code expiryDate} or {@code unpublishdate}; readers no longer see it
 *       from then.</li>
 *   <li>{@code draft}: {@code draft: true}, or Jekyll's {@code published: false}.</li>
 *   <li>{@code summary}: {@code summary}, Hugo's {@code description}, Jekyll's {@code excerpt}.</li>
 *   <li>{@code tags}: {@code tags} or {@code tag}; a text value is split at commas, or else at spaces
 *       as Jekyll does ({@code tags: emacs lisp} is two tags). {@code categories}/{@code category}
 *       likewise; they are shown with the tags.</li>
 *   <li>{@code authors}: {@code author} (text, list, or a mapping with {@code name}), {@code authors}, {@code by}.</li>
 *   <li>{@code id}: {@code id} or {@code uuid}. {@code url} (Hugo) or {@code permalink} (Jekyll): the post's own
 *       address. {@code aliases}: {@code aliases} (Hugo) and {@code redirect_from} (jekyll-redirect-from).</li>
 * </ul>
 *
 * @param title       required, non-blank
 * @param date        first publication time; a bare date is midnight in the site time zone
 * @param updated     last meaningful update, or {@code null}
 * @param publishDate when readers may first see it, or {@code null} (then {@code date})
 * @param expiryDate  when readers stop seeing it, or {@code null} (never)
 * @param tags        display names in file order, possibly empty
 * @param categories  categories in file order (Jekyll's {@code :categories} in permalinks), possibly empty
 * @param summary     plain-text summary, or {@code null} (then the excerpt)
 * @param slug        URL slug, or {@code null} (then from the file or bundle folder name)
 * @param url         the post's own address (may hold permalink tokens), or {@code null}
 * @param id          stable feed id, or {@code null} (then the default id)
 * @param draft       drafts appear nowhere public
 * @param aliases     old paths that redirect (301) to this post, as written (relative ones are
 *                    relative to the post's folder)
 * @param authors     author names, possibly empty (then the site's author)
 */
public record FrontMatter(String title, ZonedDateTime date, ZonedDateTime updated, ZonedDateTime publishDate,
                          ZonedDateTime expiryDate, List<String> tags, List<String> categories, String summary,
                          String slug, String url, String id, boolean draft, List<String> aliases, List<String> authors) {

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
    /** Longest path: an alias or a post's own address ({@code alias.path}, {@code post.path}). */
    public static final int MAX_ALIAS = 1024;

    /**
     * Reads and validates a post's front matter, for a file whose name carries no date.
     *
     * @see #of(FrontMatterFields, ZoneId, List, String)
     */
    public static FrontMatter of(FrontMatterFields fields, ZoneId zone, List<ContentProblem> warnings)
            throws ContentException {
        return of(fields, zone, warnings, "");
    }

    /**
     * Reads and validates a post's front matter.
     *
     * @param fields   the parsed front matter
     * @param zone     the site time zone, for dates without an offset
     * @param warnings receives problems that do not stop publication (unknown keys, an update before the date)
     * @param fileName the bare file name, whose {@code YYYY-MM-DD-} prefix is the date when front matter has none
     * @return the typed front matter
     * @throws ContentException on a missing or empty title, no date, an invalid date, a value of the
     *                          wrong type or longer than its column
     */
    public static FrontMatter of(FrontMatterFields fields, ZoneId zone, List<ContentProblem> warnings, String fileName)
            throws ContentException {
        FrontMatterKeys.check(fields, warnings);
        String title = fields.string("title").map(String::strip).orElse("");
        if (title.isEmpty()) {
            throw fields.error(fields.line("title"), fields.keys().contains("title")
                    ? "'title' is empty" : "'title' is missing; every post needs a title");
        }
        boolean unpublished = fields.isBoolean("published") && !fields.bool("published").orElse(true);
        ZonedDateTime publishDate = date(fields, zone, "publishDate", "publishdate", "pubdate",
                fields.isBoolean("published") ? "-" : "published");
        ZonedDateTime date = date(fields, zone, "date");
        if (date == null) {
            date = publishDate != null ? publishDate : FrontMatterDates.ofFileName(fileName, zone)
                    .orElseThrow(() -> fields.error(fields.line("date"),
                            "'date' is missing; add the first publication date, e.g. date: 2025-03-14"));
        }
        ZonedDateTime updated = date(fields, zone, "updated", "lastmod", "modified", "last_modified_at");
        if (updated != null && updated.isBefore(date)) {
            String key = present(fields, "updated", "lastmod", "modified", "last_modified_at");
            warnings.add(ContentProblem.warning(fields.file(), fields.line(key), "'" + key + "' ("
                    + updated.toOffsetDateTime() + ") is before the date (" + date.toOffsetDateTime() + "); it is ignored"));
            updated = null;
        }
        FrontMatter fm = new FrontMatter(title, date, updated, publishDate,
                date(fields, zone, "expiryDate", "expirydate", "unpublishdate"),
                words(fields, "tags", "tag"), words(fields, "categories", "category"),
                text(fields, "summary", "description", "excerpt"), text(fields, "slug"), text(fields, "url", "permalink"),
                text(fields, "id", "uuid"), fields.bool("draft").orElse(false) || unpublished,
                paths(fields, "aliases", "redirect_from"), FrontMatterFields.names(fields, "author", "authors", "by"));
        fm.checkLengths(fields);
        return fm;
    }

    /** @return when readers may first see it: the publish date if given, else the date */
    public ZonedDateTime visibleFrom() {
        return publishDate != null ? publishDate : date;
    }

    /** @return the tags and categories with duplicates by slug removed, first spelling kept */
    public List<String> distinctTags() {
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String tag : java.util.stream.Stream.concat(tags.stream(), categories.stream()).toList()) {
            if (seen.add(Slugs.of(tag))) {
                out.add(tag);
            }
        }
        return out;
    }

    /** @return the first of the keys present in the front matter, or the first key */
    private static String present(FrontMatterFields fields, String... keys) {
        for (String key : keys) {
            if (fields.keys().contains(key)) {
                return key;
            }
        }
        return keys[0];
    }

    private static ZonedDateTime date(FrontMatterFields fields, ZoneId zone, String... keys) throws ContentException {
        String key = present(fields, keys);
        return fields.keys().contains(key) ? FrontMatterDates.read(fields, key, zone).orElse(null) : null;
    }

    private static String text(FrontMatterFields fields, String... keys) throws ContentException {
        return fields.string(present(fields, keys)).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static List<String> words(FrontMatterFields fields, String... keys) throws ContentException {
        List<String> all = new ArrayList<>();
        for (String key : keys) {
            all.addAll(fields.words(key));
        }
        return List.copyOf(all);
    }

    private static List<String> paths(FrontMatterFields fields, String... keys) throws ContentException {
        List<String> all = new ArrayList<>();
        for (String key : keys) {
            all.addAll(fields.strings(key));
        }
        return List.copyOf(all);
    }

    /**
     * Every value must fit the index's column, or the file would fail the database write (design.md
     * invariant 9: a file's problem is that file's error, named before the database sees it).
     */
    private void checkLengths(FrontMatterFields fields) throws ContentException {
        limit(fields, "title", title, MAX_TITLE);
        limit(fields, present(fields, "summary", "description", "excerpt"), summary, MAX_SUMMARY);
        limit(fields, "slug", slug, MAX_SLUG);
        limit(fields, present(fields, "id", "uuid"), id, MAX_ID);
        limit(fields, present(fields, "url", "permalink"), url, MAX_ALIAS);
        for (String tag : distinctTags()) {
            limit(fields, present(fields, "tags", "tag", "categories", "category"), tag, MAX_TAG);
        }
        for (String alias : aliases) {
            limit(fields, present(fields, "aliases", "redirect_from"), alias, MAX_ALIAS);
        }
        for (String author : authors) {
            limit(fields, present(fields, "author", "authors", "by"), author, MAX_TAG);
        }
    }

    private static void limit(FrontMatterFields fields, String key, String value, int max) throws ContentException {
        if (value != null && value.length() > max) {
            throw fields.error(fields.line(key), "'" + key + "' has a value of " + value.length()
                    + " characters; the limit is " + max);
        }
    }
}
