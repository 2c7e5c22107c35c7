package dev.essayist.site;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import java.net.URI;

/**
 * One URL per page: {@code /tags/x/} answers 301 to {@code /tags/x}, keeping the query, for the
 * paths of Essayist's own routes ({@link Routes#RESERVED}; Micronaut's router would otherwise match
 * both spellings and search engines would see two pages), except the former feed addresses
 * {@link Routes#SLASHED_FEEDS}, which redirect to the feed at once. An essay's address keeps the form its
 * permalink gives it, with or without the slash; the essay's route redirects the other spelling.
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
class TrailingSlashFilter {

    @RequestFilter
    @io.micronaut.core.annotation.Nullable
    HttpResponse<?> redirect(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.length() > 1 && path.endsWith("/") && Routes.reserved(path.replaceAll("/+$", "")) != null
                && !path.startsWith("/posts/") && !Routes.SLASHED_FEEDS.contains(path)
                && (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)) {
            // Collapse leading slashes too, so "//host/" can never become a protocol-relative Location.
            String target = "/" + path.replaceAll("^/+|/+$", "");
            String query = request.getUri().getRawQuery();
            return HttpResponse.redirect(URI.create(target
                    + (query == null ? "" : "?" + query)));
        }
        return null;
    }
}
