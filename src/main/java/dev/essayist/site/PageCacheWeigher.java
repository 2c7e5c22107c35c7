package dev.essayist.site;

import com.github.benmanes.caffeine.cache.Weigher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Weighs a {@link PageCache} entry by its body length in bytes (plus its gzip copy) plus its key, so
 * {@code micronaut.caches.pages.maximum-weight} bounds the memory the cache holds.
 */
@Singleton
@Named("pages")
class PageCacheWeigher implements Weigher<Object, Object> {

    @Override
    public int weigh(Object key, Object value) {
        int body = value instanceof PageCache.Entry entry ? entry.weight() : 0;
        return key.toString().length() + body;
    }
}
