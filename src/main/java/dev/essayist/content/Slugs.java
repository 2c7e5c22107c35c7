package dev.essayist.content;

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

    private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-");

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

    /**
     * @param fileName a post's file (or bundle folder) name, e.g. {@code 2025-03-14-skip-locked.md}
     * @return the slug it implies: without a post extension ({@code .md}, {@code .markdown},
     *         {@code .html}, ...) and {@code yyyy-mm-dd-} prefix ({@code skip-locked})
     */
    public static String ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 && PostsFolder.EXTENSIONS.contains(PostsFolder.extension(fileName)) ? fileName.substring(0, dot) : fileName;
        return of(DATE_PREFIX.matcher(base).replaceFirst(""));
    }
}
