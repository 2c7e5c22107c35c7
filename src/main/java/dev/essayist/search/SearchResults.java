package dev.essayist.search;

import java.util.List;

/**
 * One page of the results of a search.
 *
 * @param total     how many published posts match, on every page
 * @param hits      this page's posts, best first
 * @param available false when the index could not be read (being opened or rebuilt): then there
 *                  are no hits, and the reader is told to try again shortly
 */
public record SearchResults(long total, List<SearchHit> hits, boolean available) {

    /** The index cannot be read right now. */
    static final SearchResults UNAVAILABLE = new SearchResults(0, List.of(), false);
}
