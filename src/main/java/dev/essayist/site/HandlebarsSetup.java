package dev.essayist.site;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.handlebars.HandlebarsFactory;
import jakarta.inject.Singleton;

/**
 * The Handlebars engine used by Micronaut Views. Replaces the module's default bean, which has
 * no template cache and so parses every template on every request (about a third of the
 * throughput). Templates load from the classpath root: {@code {{> views/partials/header}}}.
 */
@Factory
class HandlebarsSetup {

    @Singleton
    @Replaces(factory = HandlebarsFactory.class, bean = Handlebars.class)
    Handlebars handlebars() {
        return new Handlebars()
                .with(new ConcurrentMapTemplateCache().setReload(false))
                .prettyPrint(false);
    }
}
