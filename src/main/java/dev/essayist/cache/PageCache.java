package dev.essayist.cache;

import io.micronaut.core.annotation.Nullable;

/**
 * The response cache, as its two front ends see it ({@link PageCacheFilter} inside Micronaut's
 * filter chain, {@link CachedPageHandler} in the Netty pipeline before it): look up a finished
 * response, store one, drop them all. When to drop is the implementation's business
 * ({@link MicronautPageCache}: on content events, at each scheduled essay's time, on a stylesheet
 * change), so a front end never decides whether an entry is current.
 *
 * <p>A response is stored against the {@link Ticket} taken before it was rendered; a ticket taken
 * before a drop stores nothing, so a render that raced a change can never outlive it.
 */
interface PageCache {

    /**
     * Leave to store the response to one miss, taken before the response is rendered.
     *
     * @param key        the cache key, see {@link #key}
     * @param generation how many drops the cache had seen when the ticket was taken
     */
    record Ticket(String key, long generation) {
    }

    /**
     * @param key the cache key, see {@link #key}
     * @return the stored page, or {@code null}: none, or the cache stands aside (a reindex is writing,
     *         or no schedule is known yet)
     */
    @Nullable
    CachedPage lookup(String key);

    /**
     * @param key the cache key of a request that missed, see {@link #key}
     * @return leave to store its response, or {@code null} when nothing may be stored now
     */
    @Nullable
    Ticket ticket(String key);

    /**
     * Stores a page, unless the cache was dropped since the ticket was taken.
     *
     * @param ticket taken by {@link #ticket} before the page was rendered
     * @param page   the finished response
     * @return whether it was stored
     */
    boolean store(Ticket ticket, CachedPage page);

    /** Drops every stored page; tickets taken before store nothing. */
    void invalidate();

    /**
     * @param accept the request's {@code Accept}, or {@code null}
     * @param target the request target exactly as sent (path and query)
     * @return the cache key: whether {@code Accept} names {@code text/html} (the one request header a
     *         response varies on: a browser gets {@code /feed.xml} as {@code application/xml}), and
     *         the target as sent, so two spellings of one address never share an entry
     */
    static String key(@Nullable String accept, String target) {
        boolean html = accept != null && accept.contains("text/html");
        return (html ? "h " : "- ") + target;
    }

    /**
     * @param target a request target or path, e.g. {@code /posts/x} or {@code /static/css/site.css?v=1}
     * @return whether a response to it may be cached: not a {@code /static/} file, which
     *         {@code StaticFiles} already holds
     */
    static boolean cacheable(String target) {
        return !target.startsWith("/static/");
    }
}
