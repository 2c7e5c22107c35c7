package dev.essayist.site;

import io.micronaut.context.BeanProvider;
import io.micronaut.serde.ObjectMapper;
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
    private final ObjectMapper json;
    private final BeanProvider<Navigation> navigation;

    PageRenderer(HandlebarsViewsRenderer<Object, Object> views, SiteConfig site, StaticFiles statics,
                 VendorAssets vendor, ObjectMapper json, BeanProvider<Navigation> navigation) {
        this.views = views;
        this.site = site;
        this.statics = statics;
        this.vendor = vendor;
        this.json = json;
        this.navigation = navigation;
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
     * @param about       whether the header links to the about page ({@link Navigation#hasAbout()})
     */
    public record SiteView(String title, String description, String author, String language, String baseUrl,
                           boolean about) {
    }

    /**
     * A page's head, resolved.
     *
     * @param title       full document title
     * @param description meta description
     * @param canonical   absolute canonical URL
     * @param feeds       extra feed links
     * @param rel         pagination links
     * @param ogType      Open Graph type: {@code article} or {@code website}
     * @param article     article metadata, or {@code null}
     * @param jsonLd      JSON-LD for a {@code <script type="application/ld+json">} data block, or {@code null}
     */
    public record HeadView(String title, String description, String canonical, List<Head.Link> feeds,
                           List<Head.Link> rel, String ogType, ArticleView article, String jsonLd) {
    }

    /**
     * Article metadata, formatted.
     *
     * @param published RFC 3339
     * @param modified  RFC 3339 or {@code null}
     * @param tags      tag names
     */
    public record ArticleView(String published, String modified, List<String> tags) {
    }

    /**
     * Asset URLs with content fingerprints.
     *
     * @param css       the stylesheet
     * @param script    the site script, loaded blocking in {@code <head>} (no flash of the wrong theme)
     * @param code      highlighting and copy buttons, for pages with code
     * @param highlight highlight.js, for pages with code
     * @param liveReload the preview-mode reload script ({@code preview.LiveReloadController}), or {@code null}
     */
    public record Assets(String css, String script, String code, String highlight, String liveReload) {
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
        String canonical = site.absolute(head.path());
        Head.Article a = head.article();
        ArticleView article = a == null ? null
                : new ArticleView(iso(a.published()), a.modified() == null ? null : iso(a.modified()), a.tags());
        String jsonLd = a == null ? null : jsonLd(new JsonLd("https://schema.org", "BlogPosting", head.title(),
                head.description(), canonical, canonical, article.published(),
                article.modified() != null ? article.modified() : article.published(),
                site.author().isBlank() ? null : new JsonLd.Person("Person", site.author()), a.tags()));
        return new Model(
                new SiteView(site.title(), site.description(), site.author(), site.language(), site.base(),
                        navigation.find(null).map(Navigation::hasAbout).orElse(false)),
                new HeadView(title, head.description(), canonical, head.feeds(), head.rel(),
                        a == null ? "website" : "article", article, jsonLd),
                new Assets(statics.url("css/site.css"), statics.url("js/site.js"), statics.url("js/code.js"),
                        vendor.url("highlight.min.js"), site.preview() ? statics.url("js/live-reload.js") : null),
                content);
    }

    private String iso(Instant instant) {
        return DateView.of(instant, site.zone()).iso();
    }

    /** JSON-LD text safe inside a script data block: no "</script>" or "<!--" can appear. */
    private String jsonLd(JsonLd value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON-LD", e);
        }
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
