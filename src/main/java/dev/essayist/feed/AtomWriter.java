package dev.essayist.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom 1.0 (RFC 4287) by Rome. Entry ids are {@code tag:} URIs (RFC 4151),
 * {@code tag:AUTHORITY,YYYY-MM-DD:ID}, built from the stable id and its first publication date, so
 * they are valid URIs that never change with the title, slug or URL.
 */
final class AtomWriter {

    /** The Atom media type (RFC 4287 §7). */
    static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";

    private AtomWriter() {
    }

    /**
     * @param feed      the feed
     * @param authority the tagging authority, a domain name the site owns (RFC 4151 §2.1)
     * @return the Atom document
     */
    static String write(Feed feed, String authority) {
        com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
        atom.setId(tagUri(authority, "2000-01-01", "feed:" + feed.selfUrl().replaceFirst("^https?://[^/]+", "")));
        atom.setTitle(feed.title());
        atom.setUpdated(Date.from(feed.updated().toInstant()));
        atom.setAlternateLinks(List.of(link("alternate", "text/html", feed.homeUrl())));
        atom.setOtherLinks(List.of(link("self", "application/atom+xml", feed.selfUrl())));
        atom.setLanguage(feed.language());
        if (!feed.author().isBlank()) {
            Person author = new Person();
            author.setName(feed.author());
            atom.setAuthors(List.of(author));
        }
        List<Entry> entries = new ArrayList<>();
        for (FeedEntry e : feed.entries()) {
            Entry entry = new Entry();
            // A moved blog's id is an absolute URL (jekyll-feed's Atom id, Jekyll's post.id): kept as it is, so
            // readers see no entry twice; Essayist's own ids become tag: URIs (RFC 4151).
            entry.setId(e.id().matches("(?i)(https?|tag|urn):.*") ? e.id()
                    : tagUri(authority, DateTimeFormatter.ISO_LOCAL_DATE.format(e.published()), e.id()));
            if (!e.authors().isEmpty()) {
                entry.setAuthors(e.authors().stream().<com.rometools.rome.feed.synd.SyndPerson>map(name -> {
                    Person person = new Person();
                    person.setName(name);
                    return person;
                }).toList());
            }
            entry.setTitle(e.title());
            entry.setAlternateLinks(List.of(link("alternate", "text/html", e.url())));
            entry.setPublished(Date.from(e.published().toInstant()));
            entry.setUpdated(Date.from(e.lastModified().toInstant()));
            Content summary = new Content();
            summary.setType("text");
            summary.setValue(e.summary());
            entry.setSummary(summary);
            Content content = new Content();
            content.setType("html");
            content.setValue(e.contentHtml());
            entry.setContents(List.of(content));
            List<Category> categories = new ArrayList<>();
            for (String tag : e.tags()) {
                Category category = new Category();
                category.setTerm(tag);
                categories.add(category);
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        atom.setEntries(entries);
        return Xml.write(atom, null);
    }

    /**
     * @param authority a domain name
     * @param date      a date the authority owned it, {@code YYYY-MM-DD}
     * @param specific  the specific part; characters outside RFC 4151's set are percent-encoded
     * @return {@code tag:authority,date:specific}
     */
    static String tagUri(String authority, String date, String specific) {
        StringBuilder out = new StringBuilder();
        for (byte b : specific.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return "tag:" + authority + "," + date + ":" + out;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
