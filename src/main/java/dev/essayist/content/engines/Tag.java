package dev.essayist.content.engines;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/**
 * One tag of another engine's template language as written in a body, found where it starts:
 * <ul>
 *   <li>a Liquid tag, {@code {% name markup %}}, with Liquid's whitespace control {@code {%- -%}}
 *       (Shopify's Liquid reference, "Tags"; Jekyll, "Liquid");</li>
 *   <li>a Liquid object Jekyll fills in, {@code {{ site.baseurl }}} or {@code {{ "/a.png" | relative_url }}}:
 *       only an expression rooted at one of Jekyll's variables ({@code site}, {@code page}, {@code layout},
 *       {@code include}, {@code jekyll}, {@code paginator}) or a quoted string with a filter, so a
 *       {@code {{ name }}} of another template language in prose is left alone;</li>
 *   <li>a Hugo shortcode, {@code {{< name params >}}} or {@code {{% name params %}}}, closing
 *       {@code {{< /name >}}} or self-closing {@code {{< name />}}}, with positional or named
 *       parameters, quoted ({@code "…"}, {@code `…`}) or bare (Hugo's "Shortcodes" documentation);</li>
 *   <li>Hugo's way of showing a shortcode as text, <code>{{&lt;/&#42; name &#42;/&gt;}}</code>.</li>
 * </ul>
 *
 * Found by {@link TagScanner}; its parameters are read when first asked for.
 */
final class Tag {

    /** What kind of tag. */
    enum Kind { LIQUID, LIQUID_OBJECT, SHORTCODE, SHORTCODE_MARKDOWN, SHORTCODE_COMMENT }

    /**
     * One parameter.
     *
     * @param name  its name ({@code src} in {@code src="a.png"}), or {@code null} for a positional one
     * @param value its value as written, quotes included
     */
    record Param(String name, BasedSequence value) {

        /** @return the value without its quotes, with {@code \"} and {@code \\} read as Hugo reads them */
        String text() {
            String v = value.toString();
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.endsWith(v.substring(0, 1))) {
                String inner = v.substring(1, v.length() - 1);
                return v.charAt(0) == '"' ? inner.replace("\\\"", "\"").replace("\\\\", "\\") : inner;
            }
            if (v.length() >= 2 && v.charAt(0) == '`' && v.endsWith("`")) {
                return v.substring(1, v.length() - 1);
            }
            return v;
        }
    }

    /** The longest tag looked for; a longer one is text, so a stray opener costs a bounded scan. */
    static final int MAX_LENGTH = 4096;

    private final Kind kind;
    private final String name;
    private final boolean closing;
    private final BasedSequence chars;
    private final int end;
    private final BasedSequence paramText;
    private List<Param> params;

    /**
     * @param kind      which of the kinds it is
     * @param name      the tag or shortcode name ({@code highlight}, {@code figure}); for an object,
     *                  its root variable or {@code string}
     * @param closing   whether it is a shortcode's closing tag ({@code {{< /note >}}})
     * @param chars     the tag as written
     * @param end       the index in the searched text just after the tag
     * @param paramText where its parameters are written; an object's is its whole expression
     */
    Tag(Kind kind, String name, boolean closing, BasedSequence chars, int end, BasedSequence paramText) {
        this.kind = kind;
        this.name = name;
        this.closing = closing;
        this.chars = chars;
        this.end = end;
        this.paramText = paramText;
    }

    Kind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    boolean closing() {
        return closing;
    }

    BasedSequence chars() {
        return chars;
    }

    int end() {
        return end;
    }

    /** @return the parameters in order, read when first asked for (an object has one: its expression) */
    List<Param> params() {
        if (params == null) {
            params = kind == Kind.LIQUID_OBJECT || kind == Kind.SHORTCODE_COMMENT
                    ? List.of(new Param(null, paramText)) : TagParams.read(paramText);
        }
        return params;
    }

    /** @return one tag at a known place ({@link TagScanner} finds many in one text faster) */
    static Tag at(BasedSequence text, int start) {
        return new TagScanner(text).at(start);
    }

    static int skipSpace(CharSequence text, int i, int to) {
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** @return whether it is a Hugo shortcode (either delimiter) */
    boolean shortcode() {
        return kind == Kind.SHORTCODE || kind == Kind.SHORTCODE_MARKDOWN;
    }
    /**
     * @param key      a parameter name, or {@code null} for positional only
     * @param position the place of the same parameter when given positionally, or -1 for named only
     * @return the parameter, or {@code null} when it is not given (Hugo takes parameters either all
     *         named or all positional, so a name is looked for first)
     */
    Param find(String key, int position) {
        int index = 0;
        Param positional = null;
        for (Param p : params()) {
            if (key != null && key.equals(p.name())) {
                return p;
            }
            if (p.name() == null && index++ == position) {
                positional = p;
            }
        }
        return positional;
    }

    /** @return the parameter's value without quotes, or {@code null} when it is not given ({@link #find}) */
    String param(String key, int position) {
        Param p = find(key, position);
        return p == null ? null : p.text();
    }

    /** @return the parameter's value as written in the body, quotes removed, or {@code null} ({@link #find}) */
    BasedSequence sequence(String key, int position) {
        Param p = find(key, position);
        if (p == null) {
            return null;
        }
        BasedSequence v = p.value();
        boolean quoted = v.length() >= 2 && "\"'`".indexOf(v.charAt(0)) >= 0 && v.endCharAt(1) == v.charAt(0);
        return quoted ? v.midSequence(1, -1) : v;
    }

    /** @return how the author would recognise the tag in a message, e.g. {@code {% include %}} or {@code {{< gist >}}} */
    String label() {
        return switch (kind) {
            case LIQUID -> "{% " + name + " %}";
            case LIQUID_OBJECT -> chars.toString().replaceAll("\\s+", " ");
            case SHORTCODE -> "{{< " + (closing ? "/" : "") + name + " >}}";
            case SHORTCODE_MARKDOWN -> "{{% " + (closing ? "/" : "") + name + " %}}";
            case SHORTCODE_COMMENT -> chars.toString();
        };
    }
}
