package dev.essayist.content;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The join-table rows of one reindex (post–tag, alias, link), collected while posts are written
 * and then inserted with one JDBC batch per table: a cold index of thousands of essays sends three
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
