package dev.essayist.site;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs: lowercase ASCII letters, digits and single hyphens ({@code "Schema-per-Tenant vs RLS"}
 * becomes {@code schema-per-tenant-vs-rls}). "PostgreSQL" and "postgresql" share one slug, so they
 * are one tag.
 */
public final class Slugs {

    /** What a slug written by an author may contain: the URL-safe unreserved set of RFC 3986 §2.3, minus '~'. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:[-_.][a-z0-9]+)*");

    private Slugs() {
    }

    /**
     * @param text any text, such as a title or tag
     * @return its slug; {@code ""} when it has no letter or digit
     */
    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
