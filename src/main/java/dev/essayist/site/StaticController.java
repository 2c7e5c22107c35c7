package dev.essayist.site;

import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.Optional;

/**
 * {@code /static/**}: the {@link StaticFiles} (the site's static folder over the theme in the jar),
 * with validators, cacheable for a year when the URL carries a fingerprint ({@code ?v=}), for five
 * minutes otherwise. {@link RootStaticFiles} serves the same files at the root.
 */
@Controller(value = "/static", produces = MediaType.ALL)
class StaticController {

    /** Fingerprinted URLs never change meaning, so caches may keep them (RFC 8246 immutable). */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final StaticFiles files;
    private final ErrorPages errors;

    StaticController(StaticFiles files, ErrorPages errors) {
        this.files = files;
        this.errors = errors;
    }

    @Get("/{+path}")
    MutableHttpResponse<?> file(HttpRequest<?> request, @PathVariable String path) {
        return send(request, files.find(path), errors);
    }

    /**
     * @param request the request
     * @param file    the file, or empty
     * @param errors  the error pages
     * @return the file, immutable for a year when the URL has {@code ?v=}, else the 404 page
     */
    static MutableHttpResponse<?> send(HttpRequest<?> request, Optional<Rendered> file, ErrorPages errors) {
        return file.<MutableHttpResponse<?>>map(f -> send(request, f)).orElseGet(() -> errors.notFound(request));
    }

    /**
     * @param request the request
     * @param file    the file
     * @return the file (or {@code 304}), immutable for a year when the URL has {@code ?v=}
     */
    static MutableHttpResponse<?> send(HttpRequest<?> request, Rendered file) {
        String cache = request.getParameters().contains("v") ? IMMUTABLE : HttpCaching.PAGE_CACHE;
        return HttpCaching.send(request, file, HttpStatus.OK, cache);
    }
}
