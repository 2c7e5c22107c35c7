package dev.essayist.content;

import java.util.List;

/**
 * Everything one reindex changes in the database, decided before any of it is written and applied
 * in one transaction by {@link IndexWriter} (design.md invariant 2).
 *
 * @param removedPosts post files whose rows go: the file is gone, or its rows are rewritten below
 * @param gonePosts    those of them whose file is gone
 * @param posts        posts whose rows are written, each replacing its file's old rows
 * @param removedPages page files whose page goes: the file is gone
 * @param pages        pages whose rows are written, each replacing the page of the same slug
 * @param searchState  the token the search index must match once it publishes this change
 *                     ({@code index_meta}, see {@code SearchIndex.STATE_ROW})
 * @param permalinks   the permalink in force first, then the ones used before it, whose paths of
 *                     the posts written become their aliases (a changed pattern keeps old addresses)
 */
record IndexChange(List<String> removedPosts, List<String> gonePosts, List<ParsedPost> posts, List<String> removedPages,
                   List<ParsedPage> pages, String searchState, List<String> permalinks) {

    /** @return whether nothing is to be written */
    boolean isEmpty() {
        return removedPosts.isEmpty() && posts.isEmpty() && removedPages.isEmpty() && pages.isEmpty();
    }

    /** @return every file whose rows this change writes or removes */
    java.util.Set<String> files() {
        java.util.Set<String> files = new java.util.LinkedHashSet<>(removedPosts);
        posts.forEach(p -> files.add(p.source().name()));
        files.addAll(removedPages);
        pages.forEach(p -> files.add(p.source().name()));
        return files;
    }
}
