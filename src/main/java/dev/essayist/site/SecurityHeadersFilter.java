package dev.essayist.site;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Security headers on every response: pages, feeds, static files, redirects, {@code 304}s and error
 * pages alike. Runs before every other filter, so a filter that answers early (the trailing-slash
 * redirect) still gets them; {@link ErrorPages} applies them too, because Micronaut answers a request
 * Netty could not decode (an over-long URL or header) outside the filter chain.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: see {@link #CONTENT_SECURITY_POLICY}.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser never guesses a type other than the one
 *       sent (Fetch Standard, "X-Content-Type-Options"), so no file can be run as a script.</li>
 *   <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: other sites see only our origin,
 *       and nothing over plain HTTP (W3C Referrer Policy).</li>
 *   <li>{@code Permissions-Policy}: see {@link #PERMISSIONS_POLICY}.</li>
 *   <li>{@code charset=utf-8} on any text {@code Content-Type} without one (RFC 9110 §8.3.1), so no
 *       browser guesses the encoding.</li>
 * </ul>
 *
 * <p>Micronaut Views' {@code CspFilter} was the first choice for the CSP header, but it appends the
 * header and runs only inside the filter chain, so error pages made outside the chain would lack the
 * policy and pages made inside would get it twice; one class setting every header is simpler.
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
public class SecurityHeadersFilter implements Ordered {

    /**
     * The Content Security Policy (W3C CSP Level 3). Nothing inline runs: no {@code 'unsafe-inline'}
     * or {@code 'unsafe-eval'}, so templates reference script and style files under {@code static/}.
     * Images may also come from any {@code https:} host, because essays embed diagrams hosted
     * elsewhere; the sanitiser already keeps only {@code http(s)} and relative image URLs, and
     * {@code data:} images are refused by both. Video and audio ({@code <video>}, {@code <audio>}
     * with controls) may likewise come from any {@code https:} host. No plugins, no {@code <base>} rewriting, no framing
     * by other sites (clickjacking), forms post only to us.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https:; media-src 'self' https:; "
            + "object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Powerful features no page here needs, switched off for every origin (W3C Permissions Policy). */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), usb=(), browsing-topics=()";

    /** The headers every response carries, name to value, in the order they are sent. */
    public static final Map<String, String> HEADERS = headers();

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        apply(response);
    }

    /**
     * Sets the security headers on a response, replacing any earlier values; safe to call twice.
     *
     * @param response any response
     */
    static void apply(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        HEADERS.forEach(headers::set);
        Optional<MediaType> type = response.getContentType();
        if (type.isPresent() && type.get().getCharset().isEmpty() && isText(type.get())) {
            response.contentType(type.get().getName() + "; charset=utf-8");
        }
    }

    /**
     * @param type a media type
     * @return whether it is text a browser decodes with a charset: {@code text/*}, XML, JSON and
     *         JavaScript types, {@code +xml} and {@code +json} suffixes included (RFC 6839)
     */
    static boolean isText(MediaType type) {
        String subtype = type.getSubtype();
        return type.getType().equals("text") || subtype.equals("xml") || subtype.endsWith("+xml")
                || subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("javascript");
    }
}
