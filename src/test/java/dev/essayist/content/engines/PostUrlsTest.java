package dev.essayist.content.engines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostUrlsTest {

    private final PostUrls urls = PostUrls.DEFAULT;

    @Test
    void jekyllPostNamesAndPathsBecomeTheSlugWithoutDate() {
        assertThat(urls.forFile("2010-07-21-name-of-post")).isEqualTo("/posts/name-of-post");
        assertThat(urls.forFile("/subdir/2010-07-21-name-of-post")).isEqualTo("/posts/name-of-post");
        assertThat(urls.forFile("_posts/2016-07-26-name-of-post.md")).isEqualTo("/posts/name-of-post");
        assertThat(urls.forFile("_posts/2016-07-26-Name Of Post.markdown")).isEqualTo("/posts/name-of-post");
    }

    @Test
    void hugoFilesAndPageBundlesBecomeTheirName() {
        assertThat(urls.forFile("my-post")).isEqualTo("/posts/my-post");
        assertThat(urls.forFile("/posts/my-post.md")).isEqualTo("/posts/my-post");
        assertThat(urls.forFile("posts/my-bundle/index.md")).isEqualTo("/posts/my-bundle");
        assertThat(urls.forFile("posts/my-section/_index.md")).isEqualTo("/posts/my-section");
        assertThat(urls.forFile("posts/my-bundle/")).isEqualTo("/posts/my-bundle");
    }

    @Test
    void otherFilesKeepTheirPath() {
        assertThat(urls.forFile("/assets/files/doc.pdf")).isEqualTo("/assets/files/doc.pdf");
        assertThat(urls.forFile("assets/img/a.PNG")).isEqualTo("/assets/img/a.PNG");
    }
}
