package dev.essayist.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Feed settings, {@code essayist.feed.*}.
 *
 * @param size how many of the newest published essays a feed carries
 */
@ConfigurationProperties("essayist.feed")
public record FeedConfig(@Bindable(defaultValue = "20") int size) {
}
