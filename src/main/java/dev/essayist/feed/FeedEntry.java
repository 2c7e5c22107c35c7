package dev.essayist.feed;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One essay as every feed format carries it. Built once per request from the "published essays,
 * newest first" query; the writers only turn it into bytes.
 *
 * @param id          the stable id (front matter {@code id}, or the default id); RSS guid and JSON Feed
 *                    id as is, Atom id as is when it is already a URI (a moved blog's absolute URL),
 *                    else as a {@code tag:} URI
 * @param title       plain-text title
 * @param url         absolute canonical URL
 * @param summary     plain-text summary
 * @param contentHtml the full body with every URL absolute
 * @param published   first publication, in the site time zone
 * @param updated     last update in the site time zone, or {@code null}
 * @param tags        tag display names
 * @param authors     the essay's authors; empty: the feed's author
 */
record FeedEntry(String id, String title, String url, String summary, String contentHtml, ZonedDateTime published,
                 ZonedDateTime updated, List<String> tags, List<String> authors) {

    /** @return updated when set, else published: the entry's newest content time */
    ZonedDateTime lastModified() {
        return updated != null ? updated : published;
    }
}
