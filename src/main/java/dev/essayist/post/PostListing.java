package dev.essayist.post;

import dev.essayist.post.PostItem.TagLink;
import dev.essayist.site.DateView;
import dev.essayist.site.SiteConfig;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rows into list items, loading the tags of a whole list in one query.
 */
@Singleton
public class PostListing {

    private final PostTags tags;
    private final SiteConfig site;

    PostListing(PostTags tags, SiteConfig site) {
        this.tags = tags;
        this.site = site;
    }

    /**
     * @param posts posts without bodies
     * @return list items in the same order, with their tags
     */
    public List<PostItem> items(List<PostSummary> posts) {
        Map<Long, List<TagLink>> byPost = tagsOf(posts.stream().map(PostSummary::id).toList());
        return posts.stream().map(p -> item(p, byPost.getOrDefault(p.id(), List.of()))).toList();
    }

    /**
     * @param postIds post ids
     * @return each post's tags as links, in name order
     */
    public Map<Long, List<TagLink>> tagsOf(List<Long> postIds) {
        Map<Long, List<TagLink>> byPost = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (PostTag t : tags.findByPostIds(postIds)) {
                byPost.computeIfAbsent(t.postId(), id -> new ArrayList<>()).add(new TagLink(t.name(), "/tags/" + t.slug()));
            }
        }
        return byPost;
    }

    /**
     * @param post a post without body
     * @param tags its tags
     * @return its list item
     */
    public PostItem item(PostSummary post, List<TagLink> tags) {
        return new PostItem(post.path(), post.title(), post.summary(), date(post.publishedAt()),
                date(post.updatedAt()), post.readingMinutes(), tags);
    }

    /**
     * @param instant a time or {@code null}
     * @return its view in the site time zone
     */
    public DateView date(Instant instant) {
        return DateView.of(instant, site.zone());
    }

    /**
     * @param posts list of posts
     * @return the newest content time among them, or the epoch for an empty list
     */
    public static Instant newest(List<PostSummary> posts) {
        return posts.stream().map(PostSummary::lastModified).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
