package dev.essayist.page;

import dev.essayist.events.ContentChanged;
import dev.essayist.site.Navigation;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The header links to {@code /about} only while {@code posts/pages/about.md} is indexed. Asked on
 * every page render, answered from memory: the index is read once after each reindex.
 */
@Singleton
class AboutNavigation implements Navigation {

    private final PageRepository pages;
    /** Whether the about page is indexed, or {@code null} until read after the last reindex. */
    private volatile Boolean about;
    /** Reindexes seen: a read that a reindex overtook is not kept. */
    private final AtomicLong reindexes = new AtomicLong();

    AboutNavigation(PageRepository pages) {
        this.pages = pages;
    }

    @Override
    public boolean hasAbout() {
        Boolean known = about;
        if (known != null) {
            return known;
        }
        long seen = reindexes.get();
        boolean read = pages.existsById("about");
        if (reindexes.get() == seen) {
            about = read;
        }
        return read;
    }

    /** A reindex may have added or removed the about page: read it again when next asked. */
    @EventListener
    void onContentChanged(ContentChanged changed) {
        reindexes.incrementAndGet();
        about = null;
    }
}
