package dev.essayist.search;

import dev.essayist.content.ContentChanged;
import dev.essayist.post.PostRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.search.Query;

/**
 * Which Lucene documents may be found now: those of the posts the rows call published. The rule
 * is not repeated here: the set comes from {@link SearchRepository#findPublishedSources}, which
 * asks {@link PostRepository#PUBLISHED} (DESIGN.md invariant 5), and becomes a Lucene filter on
 * each document's {@link SearchDocuments#key} (its file and SHA-256), so totals and pages agree
 * with the rows by construction and a document of a file's older text never passes.
 *
 * <p>The filter is kept until the published set can change: at the next {@link ContentChanged}
 * (every reindex, after the search index is published), or at the next instant of its schedule
 * ({@link ContentChanged#due()}: an essay comes due or expires), whichever comes first. Before the
 * first event (a kept index served while the files are read again) the schedule is asked of the
 * rows ({@link PostRepository#findDueTimes}). Thread-safe.
 */
@Singleton
class PublishedPosts {

    private final SearchRepository rows;
    private final PostRepository posts;
    /** Moves at each {@link ContentChanged}, so a filter computed across one is not kept. */
    private final AtomicLong generation = new AtomicLong();
    /** When the published set changes by itself, ascending; {@code null}: not known yet. */
    private volatile List<Instant> schedule;
    private volatile Published current;

    PublishedPosts(SearchRepository rows, PostRepository posts) {
        this.rows = rows;
        this.posts = posts;
    }

    /**
     * The published set as of one instant.
     *
     * @param query  a filter (no scores) matching the documents of exactly the posts published,
     *               as the rows say
     * @param newest the last change among them (their {@code Last-Modified}), the epoch for none
     * @param from   when it was computed
     * @param until  when the published set next changes by itself, or {@code null}: not before a
     *               reindex
     */
    record Published(Query query, Instant newest, Instant from, @Nullable Instant until) {

        boolean holdsAt(Instant now) {
            return !now.isBefore(from) && (until == null || now.isBefore(until));
        }
    }

    /**
     * @param now the current time
     * @return the posts published at {@code now}, as the rows say
     */
    Published at(Instant now) {
        Published published = current;
        if (published != null && published.holdsAt(now)) {
            return published;
        }
        long started = generation.get();
        List<Instant> due = schedule;
        if (due == null) {
            due = posts.findDueTimes(now);
        }
        List<PublishedSource> sources = rows.findPublishedSources(now);
        long[] keys = sources.stream().mapToLong(p -> SearchDocuments.key(p.sourcePath(), p.sourceHash())).toArray();
        Instant newest = sources.stream().map(PublishedSource::lastModified).max(Instant::compareTo).orElse(Instant.EPOCH);
        Instant until = due.stream().filter(now::isBefore).findFirst().orElse(null);
        published = new Published(NumericDocValuesField.newSlowSetQuery(SearchDocuments.KEY, keys), newest, now, until);
        if (generation.get() == started) {
            current = published;
        }
        return published;
    }

    /** Forgets the filter: the rows changed, and with them possibly the published set and its schedule. */
    @EventListener
    void onContentChanged(ContentChanged event) {
        schedule = event.due(); // before the generation moves: a filter of the new generation sees it
        generation.incrementAndGet();
        current = null;
    }
}
