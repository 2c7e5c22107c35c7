package dev.essayist.site;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits at the HTTP edge, {@code essayist.http.*} ({@code ESSAYIST_HTTP_MAX_CONNECTIONS},
 * {@code ESSAYIST_HTTP_REQUEST_HEADER_TIMEOUT}).
 *
 * @param maxConnections       connections open at once, at most; at the cap a new connection takes
 *                             the place of an idle one, or waits in the kernel's listen backlog
 *                             while none is idle ({@link ConnectionLimit}). Lowered to half the
 *                             process's open-file limit when that is smaller, so files, the index
 *                             and the logs always have descriptors left.
 * @param requestHeaderTimeout time a client has to send a complete request head, from the opening
 *                             of the connection or the end of the previous response; an idle
 *                             keep-alive connection is closed after it too
 *                             ({@link RequestHeaderTimeout})
 */
@ConfigurationProperties("essayist.http")
record HttpEdgeConfig(@Bindable(defaultValue = "10000") int maxConnections,
                      @Bindable(defaultValue = "10s") Duration requestHeaderTimeout) {

    HttpEdgeConfig {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("essayist.http.max-connections must be at least 1, was " + maxConnections);
        }
        if (requestHeaderTimeout.isNegative() || requestHeaderTimeout.isZero()) {
            throw new IllegalArgumentException("essayist.http.request-header-timeout must be positive, was "
                    + requestHeaderTimeout);
        }
    }
}
