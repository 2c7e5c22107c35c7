package dev.essayist.tag;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code post_tag}: a post carries a tag.
 *
 * @param id the post and the tag
 */
@MappedEntity("post_tag")
public record Tagging(@EmbeddedId Key id) {

    /**
     * @param postId the post
     * @param tagId  the tag
     * @return the row
     */
    public static Tagging of(long postId, long tagId) {
        return new Tagging(new Key(postId, tagId));
    }

    /**
     * @param postId the post
     * @param tagId  the tag
     */
    @Embeddable
    public record Key(@MappedProperty("post_id") long postId, @MappedProperty("tag_id") long tagId) {
    }
}
