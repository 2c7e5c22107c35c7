package dev.essayist.content;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a post's front matter may hold: Essayist's own, those of Hugo and Jekyll that Essayist
 * gives their engine's meaning (https://gohugo.io/content-management/front-matter/,
 * https://jekyllrb.com/docs/front-matter/), and those that only styled the old theme, which are
 * accepted without a word. Any other key is a warning, with a "did you mean" hint only when a known
 * key is really close ({@code sumary}, not {@code by} for {@code id}).
 */
final class FrontMatterKeys {

    /** Essayist's keys (design.md, "Front matter"), plus {@code series} and {@code series_order}. */
    static final Set<String> OWN = Set.of("title", "date", "updated", "tags", "summary", "slug", "id", "draft",
            "aliases", "series", "series_order", "author");

    /** Keys of Hugo and Jekyll that mean something here (see {@link FrontMatter}). */
    static final Set<String> ENGINE = Set.of("publishDate", "publishdate", "pubdate", "published", "expiryDate",
            "expirydate", "unpublishdate", "lastmod", "modified", "last_modified_at", "description", "excerpt",
            "authors", "by", "categories", "category", "tag", "uuid", "redirect_from", "url", "permalink");

    /** Keys that only styled or arranged the old site: accepted, and ignored. */
    static final Set<String> THEME = Set.of("layout", "type", "weight", "toc", "featured", "featured_image", "image",
            "images", "thumbnail", "cover", "comments", "share", "keywords", "menu", "menus", "resources", "outputs",
            "markup", "linkTitle", "linktitle", "headless", "sitemap", "hidden", "math", "mathjax", "katex",
            "showToc", "ShowToc", "tocOpen", "TocOpen", "header", "excerpt_separator", "lang", "language",
            "translationKey", "disqus_identifier", "comment", "subtitle", "canonicalURL", "canonical_url",
            "noindex", "robots", "twitter", "og_image", "sidebar", "render_with_liquid", "permalink_pretty",
            "cascade", "build", "_build", "isCJKLanguage", "summaryLength", "editPost", "ShowReadingTime",
            "ShowShareButtons", "ShowPostNavLinks", "ShowBreadCrumbs", "ShowCodeCopyButtons", "ShowWordCount",
            "UseHugoToc", "hidemeta", "searchHidden", "disableShare", "disableHLJS", "hideSummary", "highlight",
            "mermaid", "github", "gist", "draft_note", "status");

    private FrontMatterKeys() {
    }

    /**
     * @param fields   the front matter
     * @param warnings receives one warning per unknown key, at its line
     */
    static void check(FrontMatterFields fields, List<ContentProblem> warnings) {
        for (String key : fields.keys()) {
            if (!OWN.contains(key) && !ENGINE.contains(key) && !THEME.contains(key)) {
                warnings.add(ContentProblem.warning(fields.file(), fields.line(key),
                        "unknown key '" + key + "'" + closest(key).map(k -> "; did you mean '" + k + "'?").orElse("")));
            }
        }
    }

    /** @return Essayist's key within one edit of {@code key} (two for keys of seven letters or more) */
    static Optional<String> closest(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int allowed = lower.length() >= 7 ? 2 : lower.length() >= 4 ? 1 : 0;
        return OWN.stream()
                .min(Comparator.comparingInt(known -> editDistance(known, lower)))
                .filter(known -> editDistance(known, lower) <= allowed);
    }

    /**
     * The optimal string alignment distance (Levenshtein's, with a swap of two neighbouring letters
     * as one edit: {@code tgas} is one edit from {@code tags}), for hints on a handful of short keys.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
