package dev.essayist.content.render;

import dev.essayist.site.SiteConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The site's {@link ImageFiles} (the static folder, and the folder beside each essay) and its
 * {@link ImageVariants} (kept in {@code images/} of the index folder, {@code essayist.index-dir}),
 * for the renderer and the {@code /_img/} route. A command ({@code check}) only names copies.
 */
@Factory
class ImageFactory {

    @Singleton
    ImageFiles imageFiles(SiteConfig site) {
        return ImageFiles.site(site.statics());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ImageVariants imageVariants(@Value("${essayist.index-dir:.essayist}") String indexDir, Environment environment) {
        Path folder = Path.of(indexDir, "images");
        return environment.getActiveNames().contains(Environment.CLI) ? ImageVariants.naming(folder) : new ImageVariants(folder);
    }
}
