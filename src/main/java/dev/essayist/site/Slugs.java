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

    /** What Jekyll's {@code pretty} slugify mode replaces by a hyphen: all but letters, marks, digits and URL-safe punctuation. */
    private static final Pattern JEKYLL_PRETTY = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+");

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

    /**
     * Jekyll's {@code :title} (Jekyll {@code Utils.slugify(text, mode: "pretty", cased: true)},
     * https://jekyllrb.com/docs/permalinks/: "preserves case from the source"): each run of characters
     * other than letters, digits and {@code . _ ~ ! $ & ' ( ) + , ; = @} becomes one hyphen, hyphens
     * at either end are dropped, case is kept ({@code "Help!-I'm Post-Junior"} becomes
     * {@code Help!-I'm-Post-Junior}).
     *
     * @param text a file name without date and extension, or a {@code slug} as written
     * @return the path segment; {@code ""} when nothing is left
     */
    public static String jekyllTitle(String text) {
        return JEKYLL_PRETTY.matcher(text).replaceAll("-").replaceAll("^-|-$", "");
    }

    /**
     * Hugo's {@code urlize} of a path segment (Hugo {@code paths.Sanitize}, then lower case as
     * without {@code disablePathToLower}): letters, digits, marks and {@code . _ ~ + @ -} are kept,
     * runs of spaces between them become one hyphen, anything else is dropped
     * ({@code "LD_PRELOAD: The Hero"} becomes {@code ld_preload-the-hero}). Unlike Hugo, {@code /},
     * {@code \}, {@code #} and {@code %} are dropped too, so the result is one segment.
     *
     * @param text a title, file name or {@code slug} as written
     * @return the path segment; {@code ""} when nothing is left
     */
    public static String hugoPath(String text) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK
                    || "._~+@-".indexOf(c) >= 0) {
                if (space && out.length() > 0 && out.charAt(out.length() - 1) != '-' && c != '-') {
                    out.append('-');
                }
                space = false;
                out.appendCodePoint(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
