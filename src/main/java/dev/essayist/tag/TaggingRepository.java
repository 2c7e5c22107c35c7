package dev.essayist.tag;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Which post carries which tag ({@code post_tag}); read through {@link TagRepository}. */
@JdbcRepository(dialect = Dialect.H2)
public interface TaggingRepository extends GenericRepository<Tagging, Tagging.Key> {

    /**
     * @param taggings rows to insert, in one JDBC batch (the indexer's writer only)
     * @return the rows
     */
    List<Tagging> saveAll(Iterable<Tagging> taggings);
}
