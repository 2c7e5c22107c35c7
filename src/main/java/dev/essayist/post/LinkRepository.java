package dev.essayist.post;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** The link graph's rows ({@code link}); read through {@link EssayLinks#findReferencing}. */
@JdbcRepository(dialect = Dialect.H2)
public interface LinkRepository extends GenericRepository<Link, Link.Key> {

    /**
     * @param links rows to insert, in one JDBC batch (the indexer's writer only)
     * @return the rows
     */
    List<Link> saveAll(Iterable<Link> links);
}
