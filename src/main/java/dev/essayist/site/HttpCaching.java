package dev.essayist.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends a {@link Rendered} body with validators and answers conditional requests, as RFC 9110
 * §13 says: {@code If-None-Match} is evaluated first and, when present, {@code If-Modified-Since}
 * is ignored (§13.2.2); a match is {@code 304 Not Modified} with no body and the same
 * {@code ETag}, {@code Last-Modified}, {@code Cache-Control} and {@code Vary} (§15.4.5). Everything a
 * response cache needs is on the response itself: body, {@code Content-Type}, validators and
 * caching headers.
 */
public final class HttpCaching {

    /** Pages and feeds: shared caches may keep them five minutes, then revalidate cheaply. */
    public static final String PAGE_CACHE = "public, max-age=300";

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);

    private HttpCaching() {
    }

    /**
     * @param request  the request, for its conditional headers
     * @param rendered the body and validators
     * @return 200 with the body, or 304 without it
     */
    public static MutableHttpResponse<?> send(HttpRequest<?> request, Rendered rendered) {
        return send(request, rendered, HttpStatus.OK, PAGE_CACHE);
    }

    /**
     * @param request      the request, for its conditional headers
     * @param rendered     the body and validators
     * @param status       the status of a full response
     * @param cacheControl the {@code Cache-Control} value
     * @return {@code status} with the body, or 304 without it when the request's validators match
     */
    public static MutableHttpResponse<?> send(HttpRequest<?> request, Rendered rendered, HttpStatus status,
                                              String cacheControl) {
        boolean notModified = status == HttpStatus.OK && notModified(request, rendered);
        MutableHttpResponse<?> response = notModified
                ? HttpResponse.notModified()
                : HttpResponse.status(status).body(rendered.body()).contentType(rendered.contentType());
        return response
                .header(HttpHeaders.ETAG, rendered.etag())
                .header(HttpHeaders.LAST_MODIFIED, httpDate(rendered.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    }

    /**
     * @return whether the request's {@code If-None-Match} (or, without one, {@code If-Modified-Since})
     * says the client's copy is current
     */
    static boolean notModified(HttpRequest<?> request, Rendered rendered) {
        return notModified(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH),
                request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE), rendered);
    }

    /**
     * The conditional GET rule of RFC 9110 §13.1.2 and §13.1.3: {@code If-None-Match} decides when
     * present (weak comparison, {@code *} matches); otherwise {@code If-Modified-Since}, ignored
     * when it is not a valid HTTP-date.
     *
     * @param ifNoneMatch     the request's {@code If-None-Match}, or {@code null}
     * @param ifModifiedSince the request's {@code If-Modified-Since}, or {@code null}
     * @param rendered        the current representation
     * @return whether the client's copy is current, so the answer is 304
     */
    public static boolean notModified(@Nullable String ifNoneMatch, @Nullable String ifModifiedSince, Rendered rendered) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                // Weak comparison (§8.8.3.2): W/"x" matches "x".
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(rendered.etag())) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !rendered.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // An invalid date is ignored (§13.1.3).
            }
        }
        return false;
    }

    /**
     * @param instant a time
     * @return it as an HTTP-date (IMF-fixdate, RFC 9110 §5.6.7), e.g. {@code Fri, 14 Mar 2025 14:00:00 GMT}
     */
    public static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant.atZone(ZoneOffset.UTC));
    }
}
