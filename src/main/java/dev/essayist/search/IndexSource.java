package dev.essayist.search;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * A post's row as a rebuild of the Lucene index reads it.
 *
 * @param id          the post's id (rebuilds read in batches by id)
 * @param sourcePath  the file
 * @param sourceHash  its SHA-256
 * @param title       plain-text title
 * @param summary     plain-text summary
 * @param html        the rendered body
 * @param publishedAt first publication time
 * @param tags        tag names joined by U+001F, or {@code null} when it has none
 */
@Introspected
record IndexSource(Long id, String sourcePath, String sourceHash, String title, String summary, String html,
                   Instant publishedAt, @Nullable String tags) {

    /** @return its search document; the body is the HTML's text, as the renderer extracts it */
    SearchIndex.Doc doc() {
        List<String> names = tags == null ? List.of() : Arrays.asList(tags.split("\u001f"));
        return new SearchIndex.Doc(sourcePath, sourceHash, title, summary, Jsoup.parseBodyFragment(html).body().text(),
                names, publishedAt);
    }
}
