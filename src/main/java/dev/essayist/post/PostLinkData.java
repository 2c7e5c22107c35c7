package dev.essayist.post;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/**
 * What the link check needs of one indexed post, and the warnings of its file, as stored with it (V5 migration), so that a
 * restart need not read the file again.
 *
 * @param sourcePath the file
 * @param slug       the post's slug
 * @param bodyLine   1-based file line on which the body starts
 * @param anchors    every id in the post's HTML, one per line (CLOBs, read as strings)
 * @param linkRefs   JSON list of the links and images written in the body ({@code [{"url":..,"line":..,"image":..}]})
 * @param warnings   JSON list of the file's warnings ({@code [{"file":..,"line":..,"severity":"WARNING","message":..}]})
 */
@Introspected
public record PostLinkData(String sourcePath, String slug, int bodyLine,
                           @TypeDef(type = DataType.STRING) String anchors,
                           @TypeDef(type = DataType.STRING) String linkRefs,
                           @TypeDef(type = DataType.STRING) @io.micronaut.core.annotation.Nullable String warnings) {
}
