package dev.essayist.page;

import dev.essayist.site.ErrorPages;
import dev.essayist.site.Head;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.PageRenderer;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code /about}: the compact about/experience page from {@code posts/pages/about.md}: a short
 * bio (the body), the experience list and links (from front matter).
 */
@Controller(produces = MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
class AboutController {

    private final PageRepository pages;
    private final PageRenderer renderer;
    private final ErrorPages errors;
    private final ObjectMapper json;

    AboutController(PageRepository pages, PageRenderer renderer, ErrorPages errors, ObjectMapper json) {
        this.pages = pages;
        this.renderer = renderer;
        this.errors = errors;
        this.json = json;
    }

    /**
     * @param title the page title
     * @param html  the bio
     * @param data  experience and links
     */
    record AboutView(String title, String html, PageData data) {
    }

    @Get("/about")
    MutableHttpResponse<?> about(HttpRequest<?> request) {
        return pages.findById("about")
                .<MutableHttpResponse<?>>map(page -> HttpCaching.send(request, renderer.html("page/about",
                        Head.of(page.title(), page.summary(), "/about"),
                        new AboutView(page.title(), page.html(), data(page)), page.updatedAt())))
                .orElseGet(() -> errors.notFound(request));
    }

    private PageData data(Page page) {
        try {
            return json.readValue(page.data(), PageData.class).withAllowedLinks();
        } catch (IOException e) {
            throw new UncheckedIOException("page data of " + page.sourcePath() + " is not valid JSON", e);
        }
    }
}
