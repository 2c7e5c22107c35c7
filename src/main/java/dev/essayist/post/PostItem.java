package dev.essayist.post;

import dev.essayist.site.DateView;
import java.util.List;

/**
 * A post in a list (index, tag page, archive, previous/next).
 *
 * @param url            root-relative canonical path
 * @param title          plain-text title
 * @param summary        plain-text summary
 * @param published      first publication date
 * @param updated        last update, or {@code null}
 * @param readingMinutes estimated reading time
 * @param tags           the post's tags
 */
public record PostItem(String url, String title, String summary, DateView published, DateView updated,
                       int readingMinutes, List<TagLink> tags) {

    /**
     * A tag as a link.
     *
     * @param name display name
     * @param url  root-relative path of the tag page
     */
    public record TagLink(String name, String url) {
    }
}
