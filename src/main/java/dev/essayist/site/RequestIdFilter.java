package dev.essayist.site;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the client's or proxy's {@code X-Request-Id} when it is a sane token,
 * otherwise a new one. The id is in the SLF4J MDC as {@code requestId} for every log line written
 * while answering (Micronaut propagates it to the blocking executor), and is echoed in the
 * response's {@code X-Request-Id}, which the access log records.
 */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
public class RequestIdFilter implements Ordered {

    /** The header, as nginx, Heroku and most load balancers name it. */
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ATTRIBUTE = "essayist.requestId";

    @Override
    public int getOrder() {
        // Before every filter that may answer early (the trailing-slash redirect, the page cache).
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = idFor(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    /**
     * @param given the request's {@code X-Request-Id}, or {@code null}
     * @return {@code given} when it is a sane token (1–64 of {@code [A-Za-z0-9._:-]}), otherwise a
     *         new random (version 4) UUID
     */
    public static String idFor(@Nullable String given) {
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        // An id tells requests apart; it guards nothing, so it needs no SecureRandom (whose shared
        // state costs more than the rest of a cached answer).
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xCL << 60) | (0x8L << 60);
        return new UUID(high, low).toString();
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.getHeaders().set(HEADER, id));
    }
}
