package dev.essayist.content.render;

import dev.essayist.site.ErrorPages;
import dev.essayist.site.HttpCaching;
import dev.essayist.site.Rendered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /_img/{name}}: the resized copies of large images ({@link ImageVariants}), with
 * validators. A copy's name is derived from its original's bytes, so it never changes meaning
 * and may be cached for a year (RFC 8246 {@code immutable}). Only names of the form the renderer
 * makes are looked up, in the variants folder alone (design.md invariant 7); a leading underscore
 * keeps the route clear of migrated sites' paths (Jekyll never publishes {@code _} folders).
 */
@Controller(value = "/_img", produces = MediaType.ALL)
class VariantController {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final ImageVariants variants;
    private final ErrorPages errors;

    VariantController(ImageVariants variants, ErrorPages errors) {
        this.variants = variants;
        this.errors = errors;
    }

    @Get("/{name}")
    MutableHttpResponse<?> variant(HttpRequest<?> request, String name) throws IOException {
        Optional<Path> file = variants.find(name);
        if (file.isEmpty()) {
            return errors.notFound(request);
        }
        Rendered image = Rendered.of(Files.readAllBytes(file.get()), MediaType.forFilename(name).getName(),
                Files.getLastModifiedTime(file.get()).toInstant());
        return HttpCaching.send(request, image, HttpStatus.OK, IMMUTABLE);
    }
}
