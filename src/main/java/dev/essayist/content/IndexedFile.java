package dev.essayist.content;

import io.micronaut.core.type.Argument;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.ObjectMapper;
import dev.essayist.site.JsonColumn;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A row of {@code indexed_file}: a post file the indexer has read successfully, and what it needs
 * of it while the file's bytes stay the same, so that after a restart an unchanged file is only
 * hashed, never read and rendered again. The file's post row belongs to it (deleting this deletes
 * the post, its tags, aliases and links).
 *
 * @param path       the file, as authors name it
 * @param hash       SHA-256 of its bytes, hex
 * @param bodyLine   1-based file line on which the body starts
 * @param anchors    every id in the body's HTML (the fragments a link to it may name)
 * @param linkRefs   the links and images written in the body, with their body lines
 * @param warnings   the file's problems that did not stop publication, for the log, {@code check}
 *                   and {@code /health} after a restart
 */
@MappedEntity("indexed_file")
record IndexedFile(@Id String path,
                   String hash,
                   int bodyLine,
                   @MappedProperty(type = DataType.STRING, converter = Anchors.class, converterPersistedType = String.class)
                   List<String> anchors,
                   @MappedProperty(type = DataType.STRING, converter = LinkRefs.class, converterPersistedType = String.class)
                   List<Reference> linkRefs,
                   @MappedProperty(type = DataType.STRING, converter = Problems.class, converterPersistedType = String.class)
                   List<ContentProblem> warnings) {

    /**
     * @param post a post just parsed
     * @return its file's row
     */
    static IndexedFile of(ParsedPost post) {
        return new IndexedFile(post.source().name(), post.source().hash(), post.source().bodyLine(),
                List.copyOf(post.body().anchors()), post.body().references(), post.warnings());
    }

    /** The {@code anchors} column. */
    @Singleton
    static final class Anchors extends JsonColumn<List<String>> {
        Anchors(ObjectMapper json) {
            super(json, Argument.listOf(String.class));
        }
    }

    /** The {@code link_refs} column. */
    @Singleton
    static final class LinkRefs extends JsonColumn<List<Reference>> {
        LinkRefs(ObjectMapper json) {
            super(json, Argument.listOf(Reference.class));
        }
    }

    /** The {@code warnings} column. */
    @Singleton
    static final class Problems extends JsonColumn<List<ContentProblem>> {
        Problems(ObjectMapper json) {
            super(json, Argument.listOf(ContentProblem.class));
        }
    }
}
