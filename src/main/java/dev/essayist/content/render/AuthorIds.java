package dev.essayist.content.render;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The ids in a body (the author's own, {@code <a id="f1"></a>} or {@code ## Title {#x}}, and
 * those made from headings) keep the names they were written with, so links to them from this
 * page and from other sites keep working, without letting the body clobber the DOM:
 * <ul>
 *   <li>{@code document} cannot be clobbered at all: its named properties come only from
 *       {@code name} attributes and from {@code embed}, {@code form}, {@code iframe},
 *       {@code object} and {@code img} elements with a name (HTML §3.1.5, "DOM tree accessors"),
 *       and the sanitiser keeps no {@code name} attribute, none of the first four, and no id on
 *       {@code img};</li>
 *   <li>on {@code window}, an id is a named property (HTML §7.2.2.3, "Named access on the Window
 *       object"), which WebIDL puts below {@code Window}'s own properties but above those of
 *       {@code EventTarget.prototype} and {@code Object.prototype} (WebIDL §3.7.4, "Named properties
 *       object"): so {@code id="location"} shadows nothing, while {@code id="addEventListener"} or
 *       {@code id="toString"} would, and so would the id of a global a script tests for before
 *       using ({@code window.hljs}). Those ids, {@link #RESERVED}, get GitHub's
 *       {@code user-content-} prefix, and links to them in the body follow.</li>
 * </ul>
 * A new site script that looks up a global it did not define must add its name to {@link #RESERVED}
 * ({@code AuthorIdsTest} reads the site's scripts for {@code window.} lookups).
 */
public final class AuthorIds {

    /** The prefix a reserved id gets, as GitHub gives every id in user content. */
    public static final String PREFIX = "user-content-";

    /**
     * Names an id must not have: the members of {@code Object.prototype} (ECMA-262 §20.1.3) and
     * {@code EventTarget.prototype} (DOM §2.7), and the globals the site's scripts look for
     * ({@code static/js}: highlight.js's {@code hljs}, and {@code EventSource}, which preview mode
     * tests for).
     */
    public static final Set<String> RESERVED = Set.of(
            "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
            "valueOf", "addEventListener", "removeEventListener", "dispatchEvent", "hljs", "EventSource");

    private static final Evaluator IDS = QueryParser.parse("[id]");

    private AuthorIds() {
    }

    /**
     * Prefixes every reserved id under {@code body}, and the same-page links to it, in place.
     *
     * @param body a rendered, sanitised body
     */
    public static void apply(Element body) {
        for (Element element : body.select(IDS)) {
            String id = element.id();
            if (RESERVED.contains(id)) {
                element.id(PREFIX + id);
                body.select("a[href=#" + id + "]").attr("href", "#" + PREFIX + id);
            }
        }
    }
}
