package dev.essayist.post;

import static dev.essayist.post.PostRepository.PUBLISHED;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Old paths of posts ({@code aliases} in front matter), each answering {@code 301} to its post. */
@JdbcRepository(dialect = Dialect.H2)
public interface AliasRepository extends GenericRepository<Alias, String> {

    /**
     * @param aliases rows to insert, in one JDBC batch (the indexer's writer only)
     * @return the rows
     */
    List<Alias> saveAll(Iterable<Alias> aliases);

    /** @return the canonical path of the published post an alias path (without a trailing slash) points to */
    @Query("SELECT p.path FROM alias a JOIN post p ON p.id = a.post_id WHERE a.path = :path AND " + PUBLISHED)
    Optional<String> findTargetByAlias(String path, Instant now);

    /** @return every alias of a published post with that post's canonical path, by alias */
    @Query("SELECT a.path, p.path AS target FROM alias a JOIN post p ON p.id = a.post_id WHERE " + PUBLISHED + " ORDER BY a.path")
    List<AliasTarget> findPublishedAliases(Instant now);

    /** @return every alias with the file that declares it, drafts included (for identity checks) */
    @Query("SELECT a.path, p.source_path FROM alias a JOIN post p ON p.id = a.post_id")
    List<AliasSource> findAliasSources();
}
