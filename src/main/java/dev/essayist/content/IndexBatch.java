package dev.essayist.content;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one reindex, written with one JDBC batch per statement: the posts first
 * ({@link #deletePosts}, {@link #insertPosts}), then the join-table rows (post–tag, alias, link)
 * collected for them ({@link #flush}). A cold index of thousands of essays sends a handful of
 * batches instead of several statements per essay. Used inside the reindex transaction only.
 */
final class IndexBatch {

    private final List<Object[]> postTags = new ArrayList<>();
    private final List<Object[]> aliases = new ArrayList<>();
    private final List<Object[]> links = new ArrayList<>();

    void postTag(long postId, long tagId) {
        postTags.add(new Object[] {postId, tagId});
    }

    void alias(String path, long postId) {
        aliases.add(new Object[] {path, postId});
    }

    void link(long postId, String targetSlug) {
        links.add(new Object[] {postId, targetSlug});
    }

    /**
     * Inserts every collected row on the transaction's connection, and forgets them.
     *
     * @param connection the reindex transaction's connection
     * @throws SQLException if an insert fails (the caller's transaction then rolls back)
     */
    void flush(Connection connection) throws SQLException {
        insert(connection, "INSERT INTO post_tag (post_id, tag_id) VALUES (?, ?)", postTags);
        insert(connection, "INSERT INTO alias (path, post_id) VALUES (?, ?)", aliases);
        insert(connection, "INSERT INTO link (post_id, target_slug) VALUES (?, ?)", links);
    }

    /** The columns of one {@code post} row, in {@link #INSERT_POST} order. */
    private static final String INSERT_POST = "INSERT INTO post (source_path, source_hash, slug, guid, title, summary,"
            + " html, headings, published_at, updated_at, draft, word_count, reading_minutes, visible_from, body_line,"
            + " anchors, link_refs, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Deletes the posts of these files; their tag, alias and link rows go with them (ON DELETE CASCADE).
     *
     * @param connection the reindex transaction's connection
     * @param files      {@code post.source_path} values
     * @throws SQLException if a delete fails
     */
    static void deletePosts(Connection connection, List<String> files) throws SQLException {
        if (files.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM post WHERE source_path = ?")) {
            for (String file : files) {
                delete.setString(1, file);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /**
     * Inserts post rows.
     *
     * @param connection the reindex transaction's connection
     * @param rows       one array per post with the 18 columns of the {@code post} table after
     *                   {@code id}: source_path, source_hash, slug, guid, title, summary, html,
     *                   headings, published_at, updated_at, draft, word_count, reading_minutes,
     *                   visible_from, body_line, anchors, link_refs, warnings (instants as
     *                   {@code OffsetDateTime})
     * @return the generated ids, in the order of {@code rows}
     * @throws SQLException if an insert fails
     */
    static long[] insertPosts(Connection connection, List<Object[]> rows) throws SQLException {
        long[] ids = new long[rows.size()];
        if (rows.isEmpty()) {
            return ids;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POST, new String[] {"ID"})) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                int i = 0;
                while (keys.next()) {
                    ids[i++] = keys.getLong(1);
                }
                if (i != ids.length) {
                    throw new SQLException("expected " + ids.length + " generated post ids, got " + i);
                }
            }
        }
        return ids;
    }

    private static void insert(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        rows.clear();
    }
}
