package dev.essayist.content.engines;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param kind    which of these it is
 * @param name    the tag or shortcode name ({@code highlight}, {@code figure}); for an object, its
 *                root variable or {@code string}
 * @param closing whether it is a shortcode's closing tag ({@code {{< /note >}}})
 * @param params  its parameters in order; an object has one, its whole expression
 * @param chars   the tag as written
 * @param end     the index in the searched text just after the tag
 */
record Tag(Kind kind, String name, boolean closing, List<Param> params, BasedSequence chars, int end) {

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

    private static final Pattern LIQUID_NAME = Pattern.compile("[A-Za-z_][\\w-]*");
    private static final Pattern SHORTCODE_NAME = Pattern.compile("/?\\s*([A-Za-z0-9_](?:[\\w.-]|/(?=[\\w.-]))*)");
    private static final Pattern OBJECT = Pattern.compile(
            "(?s)\\s*(?:(site|page|layout|include|jekyll|paginator)(?:\\.[\\w-]+|\\[[^\\]]*\\])*"
                    + "|('[^']*'|\"[^\"]*\")(?=\\s*\\|))\\s*(?:\\|.*)?");

    /**
     * @param text  where to look
     * @param start the index of a {@code {}
     * @return the tag starting there, or {@code null} when none does
     */
    static Tag at(BasedSequence text, int start) {
        if (start + 3 >= text.length() || text.charAt(start) != '{') {
            return null;
        }
        char second = text.charAt(start + 1);
        if (second == '%') {
            return liquid(text, start);
        }
        if (second != '{') {
            return null;
        }
        char third = text.charAt(start + 2);
        return third == '<' || third == '%' ? shortcode(text, start, third) : object(text, start);
    }

    private static Tag liquid(BasedSequence text, int start) {
        int close = indexOf(text, "%}", start + 2);
        if (close < 0) {
            return null;
        }
        int from = skipSpace(text, start + 2 + (text.charAt(start + 2) == '-' ? 1 : 0), close);
        int to = close > from && text.charAt(close - 1) == '-' ? close - 1 : close;
        Matcher name = LIQUID_NAME.matcher(text.subSequence(from, to));
        if (!name.lookingAt()) {
            return null;
        }
        List<Param> params = params(text, from + name.end(), to);
        return params == null ? null : new Tag(Kind.LIQUID, name.group(), false, params, text.subSequence(start, close + 2), close + 2);
    }

    private static Tag object(BasedSequence text, int start) {
        int close = indexOf(text, "}}", start + 2);
        if (close < 0) {
            return null;
        }
        int from = start + 2 + (text.charAt(start + 2) == '-' ? 1 : 0);
        int to = close > from && text.charAt(close - 1) == '-' ? close - 1 : close;
        Matcher m = OBJECT.matcher(text.subSequence(from, to));
        if (!m.matches()) {
            return null;
        }
        BasedSequence expression = text.subSequence(from, to).trim();
        return new Tag(Kind.LIQUID_OBJECT, m.group(1) != null ? m.group(1) : "string", false,
                List.of(new Param(null, expression)), text.subSequence(start, close + 2), close + 2);
    }

    private static Tag shortcode(BasedSequence text, int start, char delimiter) {
        String close = (delimiter == '<' ? ">" : "%") + "}}";
        int from = skipSpace(text, start + 3, text.length());
        if (text.subSequence(from).startsWith("/*")) {
            int comment = indexOf(text, "*/", from + 2);
            int end = comment < 0 ? -1 : skipSpace(text, comment + 2, text.length());
            if (end < 0 || !text.subSequence(end).startsWith(close)) {
                return null;
            }
            return new Tag(Kind.SHORTCODE_COMMENT, "", false, List.of(new Param(null, text.subSequence(from + 2, comment))),
                    text.subSequence(start, end + 3), end + 3);
        }
        int closeAt = closeOf(text, from, close);
        if (closeAt < 0) {
            return null;
        }
        Matcher name = SHORTCODE_NAME.matcher(text.subSequence(from, closeAt));
        if (!name.lookingAt()) {
            return null;
        }
        int to = closeAt;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        boolean closing = text.charAt(from) == '/';
        if (!closing && to > from + name.end() && text.charAt(to - 1) == '/') {
            to--; // self-closing {{< name />}}
        }
        List<Param> params = params(text, from + name.end(), Math.max(to, from + name.end()));
        Kind kind = delimiter == '%' ? Kind.SHORTCODE_MARKDOWN : Kind.SHORTCODE;
        return params == null ? null
                : new Tag(kind, name.group(1), closing, params, text.subSequence(start, closeAt + 3), closeAt + 3);
    }

    /** @return where {@code close} ends the shortcode that starts before {@code from}, skipping quoted values; or -1 */
    private static int closeOf(BasedSequence text, int from, String close) {
        int limit = Math.min(text.length(), from + MAX_LENGTH);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '`') {
                i = quoteEnd(text, i, limit);
                if (i < 0) {
                    return -1;
                }
            } else if (c == close.charAt(0) && text.subSequence(i).startsWith(close)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the index of the quote closing the one at {@code open}, or -1 */
    private static int quoteEnd(BasedSequence text, int open, int limit) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    /** @return the parameters in {@code text[from, to)}, or {@code null} when a quote is not closed */
    private static List<Param> params(BasedSequence text, int from, int to) {
        List<Param> params = new ArrayList<>();
        int i = skipSpace(text, from, to);
        while (i < to) {
            int valueStart = i;
            String name = null;
            int end = token(text, i, to, true);
            if (end < 0) {
                return null;
            }
            if (end < to && text.charAt(end) == '=' && text.charAt(i) != '"' && text.charAt(i) != '`') {
                name = text.subSequence(i, end).toString();
                valueStart = end + 1;
                end = valueStart < to ? token(text, valueStart, to, false) : valueStart;
                if (end < 0) {
                    return null;
                }
            }
            params.add(new Param(name, text.subSequence(valueStart, end)));
            i = skipSpace(text, end, to);
        }
        return params;
    }

    /** @return the end of the token at {@code i}: a quoted string, or a run up to space (or {@code =} when a name may end there) */
    private static int token(BasedSequence text, int i, int to, boolean mayBeName) {
        char c = text.charAt(i);
        if (c == '"' || c == '`' || c == '\'') {
            int end = quoteEnd(text, i, to);
            return end < 0 ? -1 : end + 1;
        }
        int j = i;
        while (j < to && !Character.isWhitespace(text.charAt(j)) && !(mayBeName && text.charAt(j) == '=')) {
            j++;
        }
        return j;
    }

    private static int indexOf(BasedSequence text, String what, int from) {
        int found = text.indexOf(what, from);
        return found >= 0 && found - from <= MAX_LENGTH ? found : -1;
    }

    private static int skipSpace(BasedSequence text, int i, int to) {
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
        for (Param p : params) {
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
