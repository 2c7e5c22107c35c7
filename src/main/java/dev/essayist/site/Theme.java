package dev.essayist.site;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Essayist's own look, carried in the jar (class path folder {@code theme/}): the stylesheet, the
 * scripts, the feed's XSLT and the favicon. {@link StaticFiles} serves each at {@code /static/…}
 * unless the site's static folder has a file of the same path, which then wins; so a site needs no
 * copy of the theme, wherever the jar runs from.
 *
 * <p>Only the files listed in {@link #FILES} are reachable (design.md invariant 7): a request path
 * is looked up in this list, never resolved against the class path.
 */
@Singleton
public class Theme {

    /** Where the theme lives on the class path (in the jar; {@code src/main/resources/theme/}). */
    static final String FOLDER = "theme/";

    /** Every file of the theme, as paths below {@code /static/}. */
    public static final List<String> FILES = List.of(
            "css/site.css", "favicon.ico", "feed.xsl", "js/code.js", "js/live-reload.js", "js/site.js");

    private final Map<String, Rendered> files = new LinkedHashMap<>();

    Theme() {
        for (String file : FILES) {
            files.put(file, ClasspathFiles.read(FOLDER + file, "the theme, src/main/resources/" + FOLDER));
        }
    }

    /**
     * @param relative a normalised path below {@code /static/}, e.g. {@code css/site.css}
     * @return the theme's file of that path, or empty when the theme has none
     */
    Optional<Rendered> find(String relative) {
        return Optional.ofNullable(files.get(relative));
    }

    /**
     * @param relative a normalised path below {@code /static/}
     * @return whether the theme has a file of that path
     */
    public static boolean has(String relative) {
        return FILES.contains(relative);
    }
}
