package dev.essayist.content;

import dev.essayist.events.ContentChanged;
import dev.essayist.post.PostRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the published set next changes by itself (a post's {@code visible_from} or
 * {@code visible_until} passes), read from the rows for {@link ContentChanged#due()} at the end of
 * every reindex ({@link ContentIndexer}).
 *
 * <p>A failed read is logged at ERROR and answered empty, so the reindex still ends with its
 * {@link ContentChanged}; caches then do not drop pages when a scheduled essay comes due.
 */
final class DueTimes {

    // Logged under the indexer's name, as the reindex it belongs to always was.
    private static final Logger LOG = LoggerFactory.getLogger(ContentIndexer.class);

    private final PostRepository posts;
    private final Clock clock;

    /**
     * @param posts the post rows
     * @param clock the time "now" is read from
     */
    DueTimes(PostRepository posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    /**
     * @return every instant after now at which the published set changes, ascending and distinct
     *         ({@link PostRepository#findDueTimes}); empty if the rows cannot be read
     */
    List<Instant> read() {
        try {
            return posts.findDueTimes(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Cannot read the schedule of scheduled essays; caches will not drop pages when one comes due", e);
            return List.of();
        }
    }
}
