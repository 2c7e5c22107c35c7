package dev.essayist.cache;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On every bean of the response cache: none exists, so no filter answers, no Netty handler is
 * installed and every request is rendered, when {@code essayist.cache.enabled} is {@code false}
 * ({@code ESSAYIST_CACHE_ENABLED=false}; default {@code true}) or in preview mode
 * ({@code essayist.preview=true}), where an author must see each save.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Requires(property = "essayist.cache.enabled", value = "true", defaultValue = "true")
@Requires(property = "essayist.preview", notEquals = "true")
@interface WhenCaching {
}
