package dev.essayist.site;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Replaces Micronaut's JSON error bodies with the site's HTML error pages for the statuses Micronaut
 * answers on its own, without a route or an exception handler: a request Netty could not decode
 * ({@code 400}), or a request line or header over the limit ({@code 413}). Every response is then
 * a page in the site's layout, with the security headers, and never a stack trace (design.md
 * invariant 8).
 */
@Primary
@Singleton
class StatusErrorPages implements ErrorResponseProcessor<Object> {

    // A provider, because ErrorPages is a controller created with the router, after this bean.
    private final Provider<ErrorPages> pages;

    StatusErrorPages(Provider<ErrorPages> pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        return (MutableHttpResponse<Object>) pages.get().statusPage(context.getRequest(), response.status());
    }
}
