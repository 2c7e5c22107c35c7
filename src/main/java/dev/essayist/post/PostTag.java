package dev.essayist.post;

import io.micronaut.core.annotation.Introspected;

/**
 * One tag of one post, for decorating lists of posts with their tags.
 *
 * @param postId the post
 * @param slug   tag slug
 * @param name   display name
 */
@Introspected
record PostTag(Long postId, String slug, String name) {
}
