package dev.essayist.content.engines;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tags that stand for a piece of text, usually a URL, and what they stand for:
 * <ul>
 *   <li>Jekyll's {@code {% post_url 2010-07-21-name %}} and {@code {% link _posts/2010-07-21-name.md %}}
 *       (Jekyll, "Liquid: Tags: Links"), and Hugo's {@code {{< ref "name" >}}} and
 *       {@code {{< relref "name#anchor" >}}} (Hugo, "ref" and "relref" shortcodes): the file's URL from
 *       {@link PostUrls}, with the anchor kept; {@code ref "#anchor"} is {@code #anchor};</li>
 *   <li>Jekyll's {@code {{ site.baseurl }}} and {@code {{ site.url }}}: nothing, as an essay's links are
 *       root-relative here; {@code {{ "/a.png" | relative_url }}} (or {@code absolute_url}, or
 *       {@code prepend: site.baseurl}): the string.</li>
 * </ul>
 */
final class Values {

    /**
     * What a tag stands for.
     *
     * @param text    the text to put in its place
     * @param problem why it could not be resolved (then {@code text} is empty), or {@code null}
     */
    record Value(String text, String problem) {
    }

    private static final Set<String> SITE_ROOTS = Set.of("site.baseurl", "site.url", "site.github.url");
    private static final Pattern STRING_WITH_FILTERS = Pattern.compile("(?s)('([^']*)'|\"([^\"]*)\")((?:\\s*\\|[^|]*){1,16})");
    private static final Pattern URL_FILTER = Pattern.compile(
            "\\s*(?:relative_url|absolute_url|prepend:\\s*site\\.(?:baseurl|url))\\s*");

    private Values() {
    }

    /**
     * @param tag  a tag
     * @param urls turns a file name into its URL
     * @return what it stands for, or {@code null} when it is not a tag that stands for text
     */
    static Value of(Tag tag, PostUrls urls) {
        if (tag.kind() == Tag.Kind.LIQUID && (tag.name().equals("post_url") || tag.name().equals("link"))) {
            String file = tag.param(null, 0);
            if (file == null || file.isBlank() || file.contains("{{")) {
                return new Value("", "{% " + tag.name() + " %} needs a file name written out, e.g. {% "
                        + tag.name() + (tag.name().equals("link") ? " _posts/2010-07-21-name.md" : " 2010-07-21-name") + " %}");
            }
            return new Value(urls.forFile(file), null);
        }
        if (tag.shortcode() && !tag.closing() && (tag.name().equals("ref") || tag.name().equals("relref"))) {
            String target = tag.param("path", 0);
            if (target == null || target.isBlank()) {
                return new Value("", tag.label() + " needs the page it links to, e.g. {{< ref \"name\" >}}");
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? "" : target.substring(hash);
            return new Value(file.isBlank() ? anchor : urls.forFile(file) + anchor, null);
        }
        if (tag.kind() == Tag.Kind.LIQUID_OBJECT) {
            return object(tag);
        }
        return null;
    }

    private static Value object(Tag tag) {
        String expression = tag.params().get(0).value().toString().strip();
        if (SITE_ROOTS.contains(expression)) {
            return new Value("", null);
        }
        Matcher string = STRING_WITH_FILTERS.matcher(expression);
        if (string.matches() && filtersAreUrlFilters(string.group(4))) {
            return new Value(string.group(2) != null ? string.group(2) : string.group(3), null);
        }
        return new Value("", tag.label() + " is a Jekyll variable this site does not have; write its value instead");
    }

    private static boolean filtersAreUrlFilters(String filters) {
        for (String filter : filters.split("\\|")) {
            if (!filter.isBlank() && !URL_FILTER.matcher(filter).matches()) {
                return false;
            }
        }
        return true;
    }
}
