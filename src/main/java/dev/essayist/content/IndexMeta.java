package dev.essayist.content;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * A row of {@code index_meta}: one setting of the index as a whole, such as the fingerprint of the
 * process that built it ({@link IndexStore}) or the state token the search index must match.
 *
 * @param name    the setting, e.g. {@code fingerprint}
 * @param setting its value
 */
@MappedEntity("index_meta")
record IndexMeta(@Id String name, String setting) {

    /** The {@code index_meta} table; written by {@link IndexWriter} only. */
    @JdbcRepository(dialect = Dialect.H2)
    interface Repository extends GenericRepository<IndexMeta, String> {

        /** @param name a setting to remove */
        void deleteById(String name);

        /**
         * @param meta a setting to insert
         * @return it
         */
        IndexMeta save(IndexMeta meta);

        /**
         * @param name a setting
         * @return its row
         */
        Optional<IndexMeta> findById(String name);
    }
}
