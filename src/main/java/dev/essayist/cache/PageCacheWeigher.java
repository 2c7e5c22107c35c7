package dev.essayist.cache;

import com.github.benmanes.caffeine.cache.Weigher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Weighs a {@link CachedPage} by the bytes it holds (see {@link CachedPage#weight()}) plus its key,
 * so {@code micronaut.caches.pages.maximum-weight} bounds the memory the cache holds.
 */
@WhenCaching
@Singleton
@Named("pages")
class PageCacheWeigher implements Weigher<Object, Object> {

    @Override
    public int weigh(Object key, Object value) {
        int body = value instanceof CachedPage page ? page.weight() : 0;
        return key.toString().length() + body;
    }
}
