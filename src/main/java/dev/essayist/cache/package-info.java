/**
 * The response cache: finished pages and feeds kept in memory, so a repeated GET neither reads the
 * index nor renders a template. {@link dev.essayist.cache.PageCache} is the seam; a hit is answered
 * in the Netty pipeline before Micronaut ({@link dev.essayist.cache.CachedPageHandler}) or in its
 * filter chain ({@link dev.essayist.cache.PageCacheFilter}), which also stores. Every bean here is
 * {@link dev.essayist.cache.WhenCaching}: off, so that every request is rendered, with
 * {@code essayist.cache.enabled=false} and in preview mode.
 */
package dev.essayist.cache;
