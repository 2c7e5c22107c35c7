package dev.essayist.feed;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.net.URI;

/**
 * The feed addresses a moved blog's subscribers already poll answer {@code 301} to the matching
 * Essayist feed, so no subscriber silently stops getting essays: Hugo's {@code /index.xml} (RSS), its
 * section feed {@code /posts/index.xml} and its per-term feeds {@code /tags/x/index.xml} and
 * {@code /categories/x/index.xml}; the common {@code /rss.xml}, {@code /rss} and {@code /feed}
 * (WordPress's). jekyll-feed's {@code /feed.xml} is an Atom feed; Essayist's {@code /feed.xml} is RSS
 * 2.0 with the same items and ids, which every feed reader takes in its place (its Atom feed is
 * {@code /atom.xml}).
 */
@Controller(produces = MediaType.ALL)
class FormerFeedAddresses {

    @Get("/index.xml")
    MutableHttpResponse<?> hugo() {
        return to("/feed.xml");
    }

    @Get("/posts/index.xml")
    MutableHttpResponse<?> hugoSection() {
        return to("/feed.xml");
    }

    @Get("/rss.xml")
    MutableHttpResponse<?> rssXml() {
        return to("/feed.xml");
    }

    @Get("/rss")
    MutableHttpResponse<?> rss() {
        return to("/feed.xml");
    }

    @Get("/feed")
    MutableHttpResponse<?> feed() {
        return to("/feed.xml");
    }

    @Get("/tags/{slug}/index.xml")
    MutableHttpResponse<?> hugoTag(@PathVariable String slug) {
        return to("/tags/" + slug + "/feed.xml");
    }

    @Get("/categories/{slug}/index.xml")
    MutableHttpResponse<?> hugoCategory(@PathVariable String slug) {
        return to("/tags/" + slug + "/feed.xml");
    }

    private static MutableHttpResponse<?> to(String path) {
        return HttpResponse.redirect(URI.create(path));
    }
}
