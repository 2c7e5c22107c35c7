package dev.essayist.content;

import java.time.Duration;
import java.util.List;

/**
 * What one reindex did.
 *
 * @param files    post and page files found
 * @param written  files whose rows were (re)written
 * @param removed  files whose rows were removed because the file is gone
 * @param problems problems found in the files read this time, and broken internal links that
 *                 were not broken before
 * @param took     wall-clock time
 */
public record IndexReport(int files, int written, int removed, List<ContentProblem> problems, Duration took) {
}
