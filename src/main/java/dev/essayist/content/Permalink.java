package dev.essayist.content;

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
 *   <li>{@code :slug}: the post's slug ({@code slug} in front matter, else its file or bundle folder name
 *       without the date); {@code :title} and {@code :filename}: the same, as Jekyll's {@code :title}
 *       (Hugo's {@code :title} is the title slugified: set {@code slug} to keep such an address);</li>
 *   <li>{@code :section}: the first folder below {@code posts/} (empty at the top level);
 *       {@code :categories}: the categories' slugs joined by {@code /};</li>
 *   <li>{@code :output_ext}: {@code .html}.</li>
 * </ul>
 * Jekyll's named styles are accepted: {@code date}, {@code pretty}, {@code ordinal}, {@code none}.
 * Empty tokens collapse ({@code //} becomes {@code /}); a trailing {@code /} is kept.
 */
public final class Permalink {

    /** Essayist's own pattern, the default. */
    public static final String DEFAULT = "/posts/:slug";

    private static final Map<String, String> STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");
    private static final Pattern TOKEN = Pattern.compile(":([a-z_]+)");
    private static final Set<String> TOKENS = Set.of("year", "month", "day", "i_month", "i_day", "short_year",
            "y_day", "hour", "minute", "second", "slug", "title", "filename", "section", "categories", "output_ext");
    private static final Set<String> DATED = Set.of("year", "month", "day", "i_month", "i_day", "short_year", "y_day");

    private final String pattern;

    private Permalink(String pattern) {
        this.pattern = pattern;
    }

    /**
     * @param pattern a pattern or a Jekyll style name
     * @return the permalink
     * @throws IllegalArgumentException if it does not start with {@code /} (after a style is
     *                                  expanded) or names an unknown token
     */
    public static Permalink of(String pattern) {
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
        return new Permalink(expanded);
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

    /**
     * What a post's path is made of.
     *
     * @param date       its date in the site's zone
     * @param slug       its slug
     * @param section    the first folder below {@code posts/}, or {@code ""}
     * @param categories its categories, as written
     */
    public record Facts(ZonedDateTime date, String slug, String section, List<String> categories) {
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

    private static String value(String token, Facts f) {
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
            case "slug", "title", "filename" -> f.slug();
            case "section" -> f.section();
            case "categories" -> String.join("/", f.categories().stream().map(Slugs::of).filter(s -> !s.isEmpty()).toList());
            case "output_ext" -> ".html";
            default -> throw new IllegalStateException("token checked in of(): " + token);
        };
    }

    /**
     * @param path a root-relative path
     * @return the form paths are matched in: without a trailing slash (but {@code /} itself)
     */
    public static String key(String path) {
        String key = path;
        while (key.length() > 1 && key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
