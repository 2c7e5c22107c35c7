package dev.essayist.content.render;

import dev.essayist.site.SiteConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The site's {@link ImageFiles} (the static folder, and the folder beside each essay) and its
 * {@link ImageVariants} (kept in {@code images/} of the index folder, {@code essayist.index-dir}),
 * for the renderer and the {@code /_img/} route.
 */
@Factory
class ImageFactory {

    @Singleton
    ImageFiles imageFiles(SiteConfig site) {
        return ImageFiles.site(site.statics());
    }

    @Singleton
    ImageVariants imageVariants(@Value("${essayist.index-dir:.essayist}") String indexDir) {
        return new ImageVariants(Path.of(indexDir, "images"));
    }
}
