package dev.essayist.post;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code link}, the link graph: a post's body links to a root-relative path of this site
 * (for "Referenced by", {@link EssayLinks#findReferencing}).
 *
 * @param id the post and the path
 */
@MappedEntity("link")
public record Link(@EmbeddedId Key id) {

    /**
     * @param postId     the linking post
     * @param targetPath the path linked to, without query, fragment or trailing slash
     * @return the row
     */
    public static Link of(long postId, String targetPath) {
        return new Link(new Key(postId, targetPath));
    }

    /**
     * @param postId     the linking post
     * @param targetPath the path linked to
     */
    @Embeddable
    public record Key(@MappedProperty("post_id") long postId, @MappedProperty("target_path") String targetPath) {
    }
}
