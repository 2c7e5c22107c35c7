package dev.essayist.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * schema.org {@code BlogPosting} as JSON-LD (https://schema.org/BlogPosting), for search engines.
 *
 * @param context          always {@code https://schema.org}
 * @param type             always {@code BlogPosting}
 * @param headline         the title
 * @param description      the summary
 * @param url              canonical URL
 * @param mainEntityOfPage canonical URL
 * @param datePublished    RFC 3339
 * @param dateModified     RFC 3339
 * @param author           the author
 * @param keywords         tags
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonLd(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String headline,
              String description, String url, String mainEntityOfPage, String datePublished, String dateModified,
              Person author, List<String> keywords) {

    /**
     * @param type always {@code Person}
     * @param name the name
     */
    @Serdeable
    record Person(@JsonProperty("@type") String type, String name) {
    }
}
