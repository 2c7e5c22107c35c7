package dev.essayist.site;

import io.micronaut.http.MediaType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code /vendor/{file}}: the WebJar files of {@link VendorAssets}, cacheable for a year when the
 * URL carries a fingerprint ({@code ?v=}), like {@code /static/}.
 */
@Controller(value = "/vendor", produces = MediaType.ALL)
class VendorController {

    private final VendorAssets vendor;
    private final ErrorPages errors;

    VendorController(VendorAssets vendor, ErrorPages errors) {
        this.vendor = vendor;
        this.errors = errors;
    }

    @Get("/{file}")
    MutableHttpResponse<?> file(HttpRequest<?> request, String file) {
        return StaticController.send(request, vendor.find(file), errors);
    }
}
