package dev.essayist.site;

import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.HttpStatusException;
import java.nio.charset.StandardCharsets;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URISyntaxException;
import io.micronaut.core.order.OrderUtil;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error pages in the site's layout: 404 for unknown paths and missing essays, 4xx for malformed
 * requests, 500 for anything that fails while answering (design.md invariant 8). No error page
 * carries a stack trace or a class name; the log does.
 */
@Controller(produces = MediaType.ALL)
public class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    /** Used when even the error template cannot be rendered. */
    private static final String FALLBACK = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Server error</title></head><body><h1>Something went wrong</h1>"
            + "<p>The page could not be shown. Please try again later.</p></body></html>";

    private final PageRenderer renderer;
    private final List<NotFoundFallback> fallbacks;

    ErrorPages(PageRenderer renderer, List<NotFoundFallback> fallbacks) {
        this.renderer = renderer;
        this.fallbacks = fallbacks.stream().sorted(OrderUtil.COMPARATOR).toList();
    }

    /**
     * The view model of an error page.
     *
     * @param status  the HTTP status code
     * @param heading the page heading
     * @param message one sentence for the reader
     * @param path    the request path, shown escaped
     */
    public record ErrorView(int status, String heading, String message, String path) {
    }

    /**
     * The answer for a path no route or essay claims: the first {@link NotFoundFallback}'s answer
     * (an alias's redirect, say), else the 404 page.
     *
     * @param request the request that matched nothing
     * @return the fallback's answer or the 404 page
     */
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        for (NotFoundFallback fallback : fallbacks) {
            Optional<MutableHttpResponse<?>> answer = fallback.answer(request);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return page(request, HttpStatus.NOT_FOUND, "Page not found",
                "There is no page at this address. It may have moved, or the link may be mistyped.");
    }

    /**
     * @param request the request
     * @return the 405 page
     */
    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    public MutableHttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return page(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                "This address can only be read.");
    }

    /**
     * @param request the request
     * @param error   what went wrong
     * @return a 4xx page for request errors Micronaut raises, otherwise the 500 page
     */
    @Error(global = true)
    public MutableHttpResponse<?> error(HttpRequest<?> request, Throwable error) {
        if (error instanceof HttpStatusException status && status.getStatus().getCode() < 500) {
            return page(request, status.getStatus(), "Bad request", "The request could not be understood.");
        }
        if (error instanceof URISyntaxException) {
            // Micronaut reports a request target that is not a URI (RFC 3986), e.g. "/posts/%zz", this way.
            return page(request, HttpStatus.BAD_REQUEST, "Bad request", "The address is not a valid URL.");
        }
        LOG.error("Error answering {} {}", request.getMethodName(), request.getPath(), error);
        return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The page could not be shown. The error has been logged; please try again later.");
    }

    /**
     * The page for an error status Micronaut answers without a route, such as {@code 413} for a request
     * line or header longer than the server accepts, or {@code 400} for a request Netty cannot decode.
     *
     * @param request the request, as far as it was understood
     * @param status  the status Micronaut chose
     * @return the error page with that status
     */
    public MutableHttpResponse<?> statusPage(HttpRequest<?> request, HttpStatus status) {
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            return page(request, status, "Request too large", "The address or the request headers are too long.");
        }
        if (status.getCode() < 500) {
            return page(request, status, "Bad request", "The request could not be understood.");
        }
        return page(request, status, "Something went wrong",
                "The page could not be shown. Please try again later.");
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String heading, String message) {
        byte[] body;
        try {
            body = renderer.html("site/error", Head.of(heading, message, request.getPath()),
                    new ErrorView(status.getCode(), heading, message, request.getPath()), Instant.EPOCH).body();
        } catch (RuntimeException e) {
            LOG.error("Cannot render the {} page", status.getCode(), e);
            body = FALLBACK.getBytes(StandardCharsets.UTF_8);
        }
        MutableHttpResponse<?> response = HttpResponse.status(status).body(body).contentType(Rendered.HTML)
                .header("Cache-Control", "no-store");
        SecurityHeadersFilter.apply(response);
        return response;
    }
}
