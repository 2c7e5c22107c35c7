package dev.essayist.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Feed settings, {@code essayist.feed.*}.
 *
 * @param size         how many of the newest published essays a feed carries
 * @param tagAuthority the domain in Atom {@code tag:} ids (RFC 4151); defaults to the base URL's
 *                     host. Set it once and keep it if the site ever moves, or readers will see
 *                     every entry as new.
 */
@ConfigurationProperties("essayist.feed")
record FeedConfig(@Bindable(defaultValue = "20") int size, @Nullable String tagAuthority) {
}
