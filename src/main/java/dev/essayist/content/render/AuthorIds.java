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
 *       {@code object} and {@code img} elements with a name or id (HTML §3.1.5, "DOM tree
 *       accessors"), and the sanitiser keeps no {@code name} attribute, none of the first four,
 *       and no id on {@code img};</li>
 *   <li>on {@code window}, an id is a named property (HTML §7.2.2.3, "Named access on the Window
 *       object") that is visible only when neither the window nor any object on its prototype
 *       chain has a property of that name (WebIDL §3.7.4.1 and its named property visibility
 *       algorithm): {@code id="location"}, {@code id="addEventListener"} and {@code id="toString"}
 *       shadow nothing. What an id can do is make a global that is not defined look defined, which
 *       matters to a script that tests for one ({@code if (window.hljs)}). Those names,
 *       {@link #RESERVED}, get GitHub's {@code user-content-} prefix, and links to them in the body
 *       follow.</li>
 * </ul>
 * {@code DomClobberingBrowserTest} checks this in Chromium. A new site script that tests for a
 * global it does not define must add its name to {@link #RESERVED} ({@code AuthorIdsTest} reads
 * the site's scripts for {@code window.} lookups).
 */
public final class AuthorIds {

    /** The prefix a reserved id gets, as GitHub gives it to every id in user content. */
    public static final String PREFIX = "user-content-";

    /**
     * Names an id must not have: the globals the site's scripts test for before using them
     * ({@code static/js}: highlight.js's {@code hljs}, loaded only on pages with code, and
     * {@code EventSource}, which preview mode tests for).
     */
    public static final Set<String> RESERVED = Set.of("hljs", "EventSource");

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
