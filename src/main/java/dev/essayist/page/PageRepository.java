package dev.essayist.page;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Standalone pages in the index, by slug. */
@JdbcRepository(dialect = Dialect.H2)
public interface PageRepository extends CrudRepository<Page, String> {

    /** Removes the page read from that file. */
    void deleteBySourcePath(String sourcePath);
}
