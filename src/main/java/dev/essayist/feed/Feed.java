package dev.essayist.feed;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A feed before serialisation: what RSS, Atom and JSON Feed have in common.
 *
 * @param title       feed title
 * @param description one sentence
 * @param homeUrl     absolute URL of the HTML page the feed mirrors (the site, or a tag page)
 * @param selfUrl     absolute URL of this feed document
 * @param language    BCP 47 language
 * @param author      author name, possibly blank
 * @param updated     the newest entry's updated-or-published time, so it moves only when content
 *                    does; the epoch for an empty feed
 * @param entries     newest first
 */
record Feed(String title, String description, String homeUrl, String selfUrl, String language, String author,
            ZonedDateTime updated, List<FeedEntry> entries) {
}
