package dev.essayist.site;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The static files at the root as well as under {@code /static/}, as Hugo and Jekyll serve their
 * static folders: {@code /img/x.png} is {@code static/img/x.png}, {@code /favicon.ico} the site's
 * favicon or the theme's. Only for a path no route claims (routes always win), with the same
 * containment rules, validators and headers as {@link StaticController}, and a
 * {@code Content-Location} naming its {@code /static/} address.
 *
 * <p>Asked after an essay's aliases ({@link #ORDER}): an alias is the author naming that exact
 * path for an essay in its front matter, while a static folder brought over from another engine
 * may hold a stale copy of an old page at the same path; the redirect keeps the essay's one URL.
 */
@Singleton
class RootStaticFiles implements NotFoundFallback {

    /** After the aliases' redirects, which keep the default order, {@code 0}. */
    static final int ORDER = 100;

    private final StaticFiles files;

    RootStaticFiles(StaticFiles files) {
        this.files = files;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Optional<MutableHttpResponse<?>> answer(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        // Percent-decoded, as the /static/{+path} route's variable is: /img/a%20b.png names "img/a b.png".
        String path = request.getUri().getPath();
        // A file has no address ending in "/" (that would be a folder's).
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || path == null || !path.startsWith("/") || path.endsWith("/")) {
            return Optional.empty();
        }
        // Content-Location names the file's address under /static/ (RFC 9110 §8.7): the same
        // representation, held by StaticFiles, so the response cache leaves it alone there as here.
        return files.find(path.substring(1)).map(file -> StaticController.send(request, file)
                .header(HttpHeaders.CONTENT_LOCATION, request.getUri().getRawPath().replaceFirst("^/", "/static/")));
    }
}
