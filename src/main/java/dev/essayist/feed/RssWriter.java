package dev.essayist.feed;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) by Rome: full HTML in
 * {@code content:encoded}, the plain-text summary as {@code description}, the stable id as
 * {@code guid isPermaLink="false"}, RFC 822 {@code pubDate} (in GMT, with its weekday),
 * tags as {@code category}, {@code atom:link rel="self"}, and an {@code xml-stylesheet}
 * instruction so a browser shows a readable page.
 */
final class RssWriter {

    /** The RSS media type readers expect (RSS has no registered type). */
    static final String MEDIA_TYPE = "application/rss+xml; charset=utf-8";

    private RssWriter() {
    }

    /**
     * @param feed       the feed
     * @param stylesheet root-relative URL of the XSLT stylesheet
     * @return the RSS document
     */
    static String write(Feed feed, String stylesheet) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(feed.title());
        channel.setLink(feed.homeUrl());
        channel.setDescription(feed.description());
        channel.setLanguage(feed.language());
        channel.setGenerator("Essayist");
        channel.setLastBuildDate(Date.from(feed.updated().toInstant()));
        Link self = new Link();
        self.setRel("self");
        self.setType("application/rss+xml");
        self.setHref(feed.selfUrl());
        AtomLinkModule selfModule = new AtomLinkModuleImpl();
        selfModule.setLink(self);
        channel.setModules(new ArrayList<>(List.of(selfModule)));

        List<Item> items = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            Item item = new Item();
            item.setTitle(entry.title());
            item.setLink(entry.url());
            Guid guid = new Guid();
            guid.setPermaLink(false);
            guid.setValue(entry.id());
            item.setGuid(guid);
            item.setPubDate(Date.from(entry.published().toInstant()));
            Description description = new Description();
            description.setType("text/plain");
            description.setValue(entry.summary());
            item.setDescription(description);
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(entry.contentHtml());
            item.setContent(content);
            List<Category> categories = new ArrayList<>();
            for (String tag : entry.tags()) {
                Category category = new Category();
                category.setValue(tag);
                categories.add(category);
            }
            item.setCategories(categories);
            if (!entry.authors().isEmpty()) {
                // RSS 2.0's <author> is an e-mail address; a name goes in Dublin Core's creator.
                com.rometools.rome.feed.module.DCModule dc = new com.rometools.rome.feed.module.DCModuleImpl();
                dc.setCreators(entry.authors());
                item.setModules(new ArrayList<>(List.of(dc)));
            }
            items.add(item);
        }
        channel.setItems(items);
        return Xml.write(channel, stylesheet);
    }
}
