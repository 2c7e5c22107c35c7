package dev.essayist.post;

import dev.essayist.site.NotFoundFallback;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * An essay's old paths ({@code aliases} in front matter) answer {@code 301 Moved Permanently} to its
 * canonical URL, while the essay is published (design.md invariant 4).
 */
@Singleton
class AliasRedirects implements NotFoundFallback {

    private final AliasRepository aliases;
    private final Clock clock;

    AliasRedirects(AliasRepository aliases, Clock clock) {
        this.aliases = aliases;
        this.clock = clock;
    }

    @Override
    public Optional<MutableHttpResponse<?>> answer(HttpRequest<?> request) {
        String path = dev.essayist.site.Routes.decodedPath(request.getPath());
        String key = path.length() > 1 ? path.replaceAll("/+$", "") : path;
        return aliases.findTargetByAlias(key, clock.instant()).map(target -> HttpResponse.redirect(dev.essayist.site.Routes.location(target)));
    }
}
