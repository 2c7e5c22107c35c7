package dev.essayist.site;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import java.util.Optional;

/**
 * A last answer for a path no route claims, asked before the 404 page ({@link ErrorPages#notFound}):
 * features that own such paths (an essay's old aliases, say) implement it, so that {@code site/}, the
 * bottom layer, knows none of them. Fallbacks are asked in {@link Ordered} order; the first answer wins.
 */
public interface NotFoundFallback extends Ordered {

    /**
     * @param request a request whose path no route claims
     * @return the answer (a redirect, a file), or empty to let the next fallback or the 404 page answer
     */
    Optional<MutableHttpResponse<?>> answer(HttpRequest<?> request);
}
