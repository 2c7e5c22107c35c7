package dev.essayist.site;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The site's settings, {@code essayist.*} in {@code application.yml}; each can be overridden by an
 * environment variable ({@code ESSAYIST_BASE_URL}, {@code ESSAYIST_POSTS_DIR}, ...).
 *
 * @param title       the site's name, shown in the header, the {@code <title>} and the feeds
 * @param description one sentence for the home page and the feeds
 * @param author      the author's name, for feeds and metadata
 * @param baseUrl     absolute URL the site is reached at, without a trailing slash; feeds and
 *                    canonical links are built on it
 * @param postsDir    the folder of Markdown posts (pages in its {@code pages/} subfolder)
 * @param staticDir   the folder served at {@code /static/}
 * @param timeZone    the zone of dates written without an offset ({@code date: 2025-03-14})
 * @param pageSize    posts per index page
 * @param language    the BCP 47 language of the content, for {@code <html lang>} and feeds
 * @param preview     for local writing only: drafts and scheduled essays are shown everywhere,
 *                    each essay page with a "draft" or "scheduled" banner
 */
@ConfigurationProperties("essayist")
public record SiteConfig(
        @Bindable(defaultValue = "Essayist") String title,
        @Bindable(defaultValue = "") String description,
        @Bindable(defaultValue = "") String author,
        @Bindable(defaultValue = "http://localhost:8080") String baseUrl,
        @Bindable(defaultValue = "posts") String postsDir,
        @Bindable(defaultValue = "static") String staticDir,
        @Bindable(defaultValue = "UTC") String timeZone,
        @Bindable(defaultValue = "10") int pageSize,
        @Bindable(defaultValue = "en") String language,
        @Bindable(defaultValue = "false") boolean preview) {

    /** @return the time zone of bare dates */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** @return the posts folder */
    public Path posts() {
        return Path.of(postsDir);
    }

    /** @return the static files folder */
    public Path statics() {
        return Path.of(staticDir);
    }

    /**
     * @param path a root-relative path such as {@code /posts/x}
     * @return the absolute URL of that path on this site
     */
    public String absolute(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    /** @return the base URL without a trailing slash */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** @return the host of the base URL, for {@code tag:} URIs (RFC 4151) */
    public String host() {
        String host = URI.create(base()).getHost();
        return host == null ? "localhost" : host;
    }
}
