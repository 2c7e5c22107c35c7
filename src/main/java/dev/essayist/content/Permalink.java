package dev.essayist.content;

import dev.essayist.site.Slugs;
import io.micronaut.core.annotation.Nullable;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern for posts' URL paths ({@code essayist.permalink}, a post's own {@code url} or
 * {@code permalink}), with the tokens Jekyll (https://jekyllrb.com/docs/permalinks/) and Hugo
 * (https://gohugo.io/content-management/urls/#tokens) document:
 * <ul>
 *   <li>{@code :year}, {@code :month}, {@code :day} (two digits), {@code :i_month}, {@code :i_day}
 *       (no padding), {@code :short_year}, {@code :hour}, {@code :minute}, {@code :second}: the post's
 *       date in the site's time zone;</li>
 *   <li>{@code :slug}: the post's slug ({@code slug} in front matter, else its file or bundle folder
 *       name without the date, {@link dev.essayist.site.Slugs#of}: Jekyll's {@code :slug});</li>
 *   <li>{@code :title}: Jekyll's, the {@code slug} as written, else the file name without date and
 *       extension, with its case and URL-safe characters kept ({@link dev.essayist.site.Slugs#jekyllTitle});</li>
 *   <li>{@code :filename}: Hugo's, the file or bundle folder name without extension, made a path
 *       ({@link dev.essayist.site.Slugs#hugoPath}: lower case, {@code .} and {@code _} kept);
 *       {@code :slugorfilename}: the {@code slug} made a path, else {@code :filename};</li>
 *   <li>{@code :section}: the first folder below {@code posts/} (empty at the top level);
 *       {@code :categories}: the categories' slugs joined by {@code /}; {@code :output_ext}: {@code .html}.</li>
 * </ul>
 * {@link Reading#HUGO} gives {@code :slug} (the {@code slug}, else the title) and {@code :title} (the
 * title) Hugo's meaning, made paths. A token that would be empty is the post's slug instead.
 * Jekyll's named styles are accepted: {@code date}, {@code pretty}, {@code ordinal}, {@code none}.
 * Empty tokens collapse ({@code //} becomes {@code /}); a trailing {@code /} is kept.
 */
final class Permalink {

    /** Essayist's own pattern, the default. */
    public static final String DEFAULT = "/posts/:slug";

    private static final Map<String, String> STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");
    private static final Pattern TOKEN = Pattern.compile(":([a-z_]+)");
    private static final Set<String> TOKENS = Set.of("year", "month", "day", "i_month", "i_day", "short_year",
            "y_day", "hour", "minute", "second", "slug", "title", "filename", "slugorfilename", "section", "categories", "output_ext");
    private static final Set<String> DATED = Set.of("year", "month", "day", "i_month", "i_day", "short_year", "y_day");

    /** Whose meaning the tokens both engines name ({@code :slug}, {@code :title}) have. */
    public enum Reading {
        /** Essayist's and Jekyll's: {@code :slug} is the post's slug, {@code :title} its file name, case kept. */
        JEKYLL,
        /** Hugo's: {@code :slug} is the {@code slug} else the title, {@code :title} the title, both made paths. */
        HUGO
    }

    private final String pattern;
    private final Reading reading;

    private Permalink(String pattern, Reading reading) {
        this.pattern = pattern;
        this.reading = reading;
    }

    /**
     * @param pattern a pattern or a Jekyll style name
     * @return the permalink, its tokens read as Jekyll reads them
     * @throws IllegalArgumentException see {@link #of(String, Reading)}
     */
    public static Permalink of(String pattern) {
        return of(pattern, Reading.JEKYLL);
    }

    /**
     * @param pattern a pattern or a Jekyll style name
     * @param reading whose meaning {@code :slug} and {@code :title} have
     * @return the permalink
     * @throws IllegalArgumentException if it does not start with {@code /} (after a style is
     *                                  expanded) or names an unknown token
     */
    public static Permalink of(String pattern, Reading reading) {
        String expanded = STYLES.getOrDefault(pattern.strip(), pattern.strip());
        if (!expanded.startsWith("/")) {
            throw new IllegalArgumentException("a permalink must start with '/': '" + pattern + "'");
        }
        Matcher token = TOKEN.matcher(expanded);
        while (token.find()) {
            if (!TOKENS.contains(token.group(1))) {
                throw new IllegalArgumentException("unknown permalink token ':" + token.group(1) + "' in '" + pattern
                        + "' (known: :" + String.join(", :", new java.util.TreeSet<>(TOKENS)) + ")");
            }
        }
        return new Permalink(expanded, reading);
    }

    /** @return whether the pattern holds a token */
    static boolean hasTokens(String text) {
        return TOKEN.matcher(text).find();
    }

    /** @return whether two posts with one slug get different paths when their days differ */
    public boolean dated() {
        Matcher token = TOKEN.matcher(pattern);
        while (token.find()) {
            if (DATED.contains(token.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** @return whose meaning the tokens both engines name have here */
    public Reading reading() {
        return reading;
    }

    /**
     * @param pattern a post's own pattern ({@code permalink} in its front matter)
     * @return it as a permalink with this one's reading of the tokens
     * @throws IllegalArgumentException see {@link #of(String, Reading)}
     */
    public Permalink other(String pattern) {
        return of(pattern, reading);
    }

    /**
     * What a post's path is made of.
     *
     * @param date       its date in the site's zone
     * @param slug       its slug (its identity: {@code slug-2} when another post had the address)
     * @param section    the first folder below {@code posts/}, or {@code ""}
     * @param categories its categories, as written
     * @param fileName   its file or bundle folder name without extension, as written
     *                   ({@code 2019-10-01-Mixed-Case.Title})
     * @param givenSlug  {@code slug} as written in its front matter, or {@code null}
     * @param title      its title
     */
    public record Facts(ZonedDateTime date, String slug, String section, List<String> categories, String fileName,
                        @Nullable String givenSlug, String title) {
    }

    /**
     * @param facts the post's facts
     * @return its root-relative path, e.g. {@code /2019/10/01/welcome/}
     */
    public String path(Facts facts) {
        Matcher token = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            token.appendReplacement(out, Matcher.quoteReplacement(value(token.group(1), facts)));
        }
        token.appendTail(out);
        String path = out.toString().replaceAll("/{2,}", "/");
        return path.isEmpty() ? "/" : path;
    }

    private String value(String token, Facts f) {
        ZonedDateTime d = f.date();
        return switch (token) {
            case "year" -> String.format("%04d", d.getYear());
            case "short_year" -> String.format("%02d", d.getYear() % 100);
            case "month" -> String.format("%02d", d.getMonthValue());
            case "i_month" -> Integer.toString(d.getMonthValue());
            case "day" -> String.format("%02d", d.getDayOfMonth());
            case "i_day" -> Integer.toString(d.getDayOfMonth());
            case "y_day" -> String.format("%03d", d.getDayOfYear());
            case "hour" -> String.format("%02d", d.getHour());
            case "minute" -> String.format("%02d", d.getMinute());
            case "second" -> String.format("%02d", d.getSecond());
            case "slug" -> reading == Reading.HUGO ? orSlug(Slugs.hugoPath(f.givenSlug() != null ? f.givenSlug() : f.title()), f)
                    : f.slug();
            case "title" -> reading == Reading.HUGO ? orSlug(Slugs.hugoPath(f.title()), f)
                    : orSlug(Slugs.jekyllTitle(f.givenSlug() != null ? f.givenSlug() : jekyllName(f.fileName())), f);
            case "filename" -> orSlug(Slugs.hugoPath(f.fileName()), f);
            case "slugorfilename" -> orSlug(Slugs.hugoPath(f.givenSlug() != null ? f.givenSlug() : f.fileName()), f);
            case "section" -> f.section();
            case "categories" -> String.join("/", f.categories().stream().map(Slugs::of).filter(s -> !s.isEmpty()).toList());
            case "output_ext" -> ".html";
            default -> throw new IllegalStateException("token checked in of(): " + token);
        };
    }

    private static String orSlug(String value, Facts f) {
        return value.isEmpty() ? f.slug() : value;
    }

    /** @return the name Jekyll takes a post's title from: no date, no trailing dots (Jekyll {@code Document#populate_title}) */
    private static String jekyllName(String fileName) {
        return PostsFolder.undated(fileName).replaceFirst("\\.+$", "");
    }

    /**
     * @param path a root-relative path
     * @return the form paths are matched in: without a trailing slash (but {@code /} itself)
     */
    public static String key(String path) {
        return dev.essayist.site.Routes.pathKey(path);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
