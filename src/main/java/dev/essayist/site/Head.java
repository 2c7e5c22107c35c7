package dev.essayist.site;

import java.util.List;

/**
 * What a page puts in its {@code <head>} besides what every page has.
 *
 * @param title        the document title (the site's name is appended unless this is the home page)
 * @param description  plain-text description for {@code <meta name="description">}
 * @param path         the page's canonical root-relative path, e.g. {@code /posts/x}
 * @param feeds        feeds besides the site's own, e.g. a tag's feed
 * @param rel          pagination links ({@code prev}/{@code next}), possibly empty
 */
public record Head(String title, String description, String path, List<Link> feeds, List<Link> rel) {

    /**
     * @param title       the document title
     * @param description plain-text description
     * @param path        canonical root-relative path
     * @return a head with no extra feeds or pagination links
     */
    public static Head of(String title, String description, String path) {
        return new Head(title, description, path, List.of(), List.of());
    }

    /**
     * A {@code <link>}.
     *
     * @param rel   relation, e.g. {@code alternate} or {@code next}
     * @param type  media type, or {@code null}
     * @param title title, or {@code null}
     * @param href  root-relative or absolute URL
     */
    public record Link(String rel, String type, String title, String href) {
    }
}
