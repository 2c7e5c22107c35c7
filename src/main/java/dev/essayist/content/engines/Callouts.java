package dev.essayist.content.engines;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The callout shortcodes of Hugo themes, read as the site's own callouts (the ones GitHub's
 * {@code > [!NOTE]} alerts become): {@code {{% note %}}}, {@code {{% tip %}}}, {@code {{% warning %}}},
 * {@code {{% caution %}}}, {@code {{% important %}}}, {@code {{% info %}}}, {@code {{% danger %}}};
 * {@code {{% notice warning %}}} and {@code {{% notice style="tip" %}}} (Learn, Relearn),
 * {@code {{% alert color="warning" title="…" %}}} (Docsy), {@code {{< admonition tip "Title" >}}}
 * and {@code type="tip"} (LoveIt, DoIt), {@code {{< hint danger >}}} (Book),
 * {@code {{< callout type="warning" >}}} (Hextra); and Hugo's own {@code {{< details summary="…" >}}},
 * a {@code <details>} element. Each pair encloses Markdown, with either delimiter. A kind word the
 * site has no colour for is a note.
 */
final class Callouts {

    /** The site's callout kinds, with their labels ({@code content.render.Alerts}), and a disclosure. */
    enum Kind {
        NOTE("Note"), TIP("Tip"), IMPORTANT("Important"), WARNING("Warning"), CAUTION("Caution"), DETAILS("Details");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return the CSS class of a callout of this kind, e.g. {@code callout-warning} */
        String cssClass() {
            return "callout-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Shortcodes named after their kind. */
    private static final Set<String> NAMED = Set.of("note", "tip", "info", "warning", "caution", "important", "danger");

    /** Shortcodes whose kind is a parameter. */
    private static final Set<String> GENERIC = Set.of("notice", "alert", "admonition", "callout", "hint");

    private static final Map<String, Kind> WORDS = Map.ofEntries(
            Map.entry("note", Kind.NOTE), Map.entry("info", Kind.NOTE), Map.entry("primary", Kind.NOTE),
            Map.entry("abstract", Kind.NOTE), Map.entry("summary", Kind.NOTE), Map.entry("example", Kind.NOTE),
            Map.entry("question", Kind.NOTE), Map.entry("quote", Kind.NOTE),
            Map.entry("tip", Kind.TIP), Map.entry("hint", Kind.TIP), Map.entry("success", Kind.TIP),
            Map.entry("important", Kind.IMPORTANT),
            Map.entry("warning", Kind.WARNING), Map.entry("warn", Kind.WARNING), Map.entry("attention", Kind.WARNING),
            Map.entry("caution", Kind.CAUTION), Map.entry("danger", Kind.CAUTION), Map.entry("error", Kind.CAUTION),
            Map.entry("failure", Kind.CAUTION), Map.entry("bug", Kind.CAUTION));

    private Callouts() {
    }

    /**
     * @param tag an opening shortcode
     * @return its kind when it is a callout or {@code details}, else {@code null}
     */
    static Kind kind(Tag tag) {
        if (!tag.shortcode() || tag.closing()) {
            return null;
        }
        if (tag.name().equals("details")) {
            return Kind.DETAILS;
        }
        if (GENERIC.contains(tag.name())) {
            String word = firstOf(tag.param("type", -1), tag.param("style", -1), tag.param("color", -1),
                    tag.name().equals("alert") ? null : tag.param(null, 0));
            return word == null ? Kind.NOTE : WORDS.getOrDefault(word.toLowerCase(Locale.ROOT), Kind.NOTE);
        }
        return NAMED.contains(tag.name()) ? WORDS.get(tag.name()) : null;
    }

    /**
     * @param tag  an opening callout shortcode
     * @param kind its kind
     * @return the title to show: the {@code title} (or {@code details}' {@code summary}) parameter,
     *         the admonition's second positional one, or the kind's label
     */
    static String title(Tag tag, Kind kind) {
        String title = kind == Kind.DETAILS ? tag.param("summary", -1)
                : firstOf(tag.param("title", -1), tag.name().equals("admonition") ? tag.param(null, 1) : null);
        return title == null || title.isBlank() ? kind.label : title;
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
