package dev.essayist.site;

import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Renders a Handlebars view inside the one layout, to bytes, before any response is sent.
 *
 * <p>Rendering to bytes first (rather than returning a view for Micronaut to stream) gives every
 * page a strong ETag over its exact bytes, lets a template error reach the error handler as an
 * ordinary exception (a 500 page, never a hung request), and is what the response cache and the
 * static export reuse.
 */
@Singleton
public class PageRenderer {

    private final HandlebarsViewsRenderer<Object, Object> views;
    private final SiteConfig site;
    private final StaticFiles statics;
    private final VendorAssets vendor;

    PageRenderer(HandlebarsViewsRenderer<Object, Object> views, SiteConfig site, StaticFiles statics,
                 VendorAssets vendor) {
        this.views = views;
        this.site = site;
        this.statics = statics;
        this.vendor = vendor;
    }

    /**
     * The model every template sees: {@code site}, {@code head}, {@code assets}, and the page's own
     * record as {@code content}.
     *
     * @param site    site-wide settings
     * @param head    this page's head
     * @param assets  fingerprinted asset URLs
     * @param content the page's view model
     */
    public record Model(SiteView site, HeadView head, Assets assets, Object content) {
    }

    /**
     * Site-wide values for templates.
     *
     * @param title       site title
     * @param description site description
     * @param author      author name
     * @param language    content language
     * @param baseUrl     absolute base URL
     */
    public record SiteView(String title, String description, String author, String language, String baseUrl) {
    }

    /**
     * A page's head, resolved.
     *
     * @param title       full document title
     * @param description meta description
     * @param canonical   absolute canonical URL
     * @param feeds       extra feed links
     * @param rel         pagination links
     */
    public record HeadView(String title, String description, String canonical, List<Head.Link> feeds,
                           List<Head.Link> rel) {
    }

    /**
     * Asset URLs with content fingerprints.
     *
     * @param css       the stylesheet
     * @param script    the site script, loaded blocking in {@code <head>} (no flash of the wrong theme)
     * @param code      highlighting and copy buttons, for pages with code
     * @param highlight highlight.js, for pages with code
     */
    public record Assets(String css, String script, String code, String highlight) {
    }

    /**
     * @param view         the view name under {@code views/}, e.g. {@code post/show}
     * @param head         the page's head
     * @param content      the page's view model (a record)
     * @param lastModified the newest content time that went into the page
     * @return the HTML page with validators
     * @throws io.micronaut.views.exceptions.ViewRenderingException if the template fails
     */
    public Rendered html(String view, Head head, Object content, Instant lastModified) {
        return Rendered.of(render(view, model(head, content)), Rendered.HTML, lastModified);
    }

    /**
     * @param head    a page's head
     * @param content the page's view model
     * @return the model the layout and the view see
     */
    public Model model(Head head, Object content) {
        String title = head.title().equals(site.title()) ? site.title() : head.title() + " · " + site.title();
        return new Model(
                new SiteView(site.title(), site.description(), site.author(), site.language(), site.base()),
                new HeadView(title, head.description(), site.absolute(head.path()), head.feeds(), head.rel()),
                new Assets(statics.url("css/site.css"), statics.url("js/site.js"), statics.url("js/code.js"),
                        vendor.url("highlight.min.js")),
                content);
    }

    /**
     * @param view  the view name under {@code views/}
     * @param model the model
     * @return the rendered text
     */
    public String render(String view, Object model) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            views.render(view, model, null).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
