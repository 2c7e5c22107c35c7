package dev.essayist.site;

import java.time.Instant;
import java.util.List;

/**
 * What a page puts in its {@code <head>} besides what every page has.
 *
 * @param title       the document title (the site's name is appended unless this is the home page)
 * @param description plain-text description for {@code <meta name="description">} and Open Graph
 * @param path        the page's canonical root-relative path, e.g. {@code /posts/x}
 * @param feeds       feeds besides the site's own, e.g. a tag's feeds
 * @param rel         pagination links ({@code prev}/{@code next}), possibly empty
 * @param article     set on essay pages: Open Graph type {@code article} and JSON-LD {@code BlogPosting}
 */
public record Head(String title, String description, String path, List<Link> feeds, List<Link> rel,
                   Article article) {

    /**
     * @param title       the document title
     * @param description plain-text description
     * @param path        canonical root-relative path
     * @return a head with no extra feeds or pagination links, not an article
     */
    public static Head of(String title, String description, String path) {
        return new Head(title, description, path, List.of(), List.of(), null);
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

    /**
     * The facts of an essay that sharing cards and search engines read.
     *
     * @param published first publication
     * @param modified  last update, or {@code null}
     * @param tags      tag names
     */
    public record Article(Instant published, Instant modified, List<String> tags) {
    }

    /**
     * @param name     e.g. "PostgreSQL"
     * @param basePath the tag page, e.g. {@code /tags/postgresql}
     * @param siteTitle the site title
     * @return RSS, Atom and JSON Feed links of one tag
     */
    public static List<Link> tagFeeds(String name, String basePath, String siteTitle) {
        String title = siteTitle + ": " + name;
        return List.of(new Link("alternate", "application/rss+xml", title + " (RSS)", basePath + "/feed.xml"),
                new Link("alternate", "application/atom+xml", title + " (Atom)", basePath + "/atom.xml"),
                new Link("alternate", "application/feed+json", title + " (JSON Feed)", basePath + "/feed.json"));
    }
}
