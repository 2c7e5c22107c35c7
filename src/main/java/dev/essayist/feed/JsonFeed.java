package dev.essayist.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), serialised by Micronaut Serde. Dates are
 * RFC 3339 with the site time zone's offset.
 *
 * @param version     the spec URL
 * @param title       feed title
 * @param homePageUrl the site or tag page
 * @param feedUrl     this document
 * @param description one sentence
 * @param language    BCP 47 language
 * @param authors     the author, when configured
 * @param items       newest first
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                @JsonProperty("feed_url") String feedUrl, String description, String language,
                List<Author> authors, List<JsonItem> items) {

    /** The JSON Feed media type. */
    static final String MEDIA_TYPE = "application/feed+json; charset=utf-8";

    /**
     * @param name the author's name
     */
    @Serdeable
    record Author(String name) {
    }

    /**
     * @param id            the stable id
     * @param url           canonical URL
     * @param title         plain-text title
     * @param contentHtml   full HTML, URLs absolute
     * @param summary       plain-text summary
     * @param datePublished RFC 3339
     * @param dateModified  RFC 3339, or absent
     * @param tags          tag names
     * @param authors       the item's authors, absent when they are the feed's
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonItem(String id, String url, String title, @JsonProperty("content_html") String contentHtml,
                    String summary, @JsonProperty("date_published") String datePublished,
                    @JsonProperty("date_modified") String dateModified, List<String> tags, List<Author> authors) {
    }

    /**
     * @param feed the feed
     * @return its JSON Feed form
     */
    static JsonFeed of(Feed feed) {
        List<JsonItem> items = feed.entries().stream().map(e -> new JsonItem(e.id(), e.url(), e.title(),
                e.contentHtml(), e.summary(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.published()),
                e.updated() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.updated()),
                e.tags(), e.authors().isEmpty() ? null : e.authors().stream().map(Author::new).toList())).toList();
        return new JsonFeed("https://jsonfeed.org/version/1.1", feed.title(), feed.homeUrl(), feed.selfUrl(),
                feed.description(), feed.language(), feed.author().isBlank() ? null : List.of(new Author(feed.author())),
                items);
    }
}
