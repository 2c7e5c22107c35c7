package dev.essayist.content;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** The indexer's own rows, {@code indexed_file}. Written by {@link IndexWriter} only. */
@JdbcRepository(dialect = Dialect.H2)
interface IndexedFileRepository extends GenericRepository<IndexedFile, String> {

    /** @return every indexed post file */
    List<IndexedFile> findAll();

    /**
     * @param files rows to insert, in one JDBC batch
     * @return the rows
     */
    List<IndexedFile> saveAll(Iterable<IndexedFile> files);

    /**
     * Deletes files' rows; their posts, and the posts' tag, alias and link rows, go with them
     * (ON DELETE CASCADE).
     *
     * @param paths the files
     */
    void deleteByPathIn(Collection<String> paths);
}
