package dev.essayist.content.engines;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code {% raw %}…{% endraw %}} regions of a text: Liquid writes what is between the two tags
 * as it is, and drops the tags (Shopify's Liquid reference, "raw"). Found as Liquid finds them, on
 * the whole source before Markdown: a region may span paragraphs and code, and the first
 * {@code {% endraw %}} after a {@code {% raw %}} ends it. A {@code {% raw %}} with no
 * {@code {% endraw %}} after it opens no region (Liquid would refuse the file).
 */
final class RawRegions {

    /**
     * One region, as offsets into the text.
     *
     * @param open         where {@code {% raw %}} starts
     * @param contentStart just after it
     * @param contentEnd   where {@code {% endraw %}} starts
     * @param close        just after it
     */
    record Region(int open, int contentStart, int contentEnd, int close) {
    }

    private static final NullableDataKey<RawRegions> KEY = new NullableDataKey<>("ESSAYIST_RAW_REGIONS");
    private static final RawRegions NONE = new RawRegions(List.of());

    private final List<Region> regions;

    private RawRegions(List<Region> regions) {
        this.regions = regions;
    }

    /**
     * @param document a document being parsed or rendered
     * @return the regions of its whole source, found once per document
     */
    static RawRegions of(Document document) {
        RawRegions found = KEY.get(document);
        if (found == null) {
            found = scan(document.getChars());
            document.set(KEY, found);
        }
        return found;
    }

    /**
     * @param text any text
     * @return its regions, in order
     */
    static RawRegions scan(BasedSequence text) {
        List<Region> regions = new ArrayList<>();
        TagScanner scanner = new TagScanner(text);
        int i = text.indexOf("{%");
        Tag open = null;
        while (i >= 0) {
            Tag tag = scanner.at(i);
            if (tag != null && tag.kind() == Tag.Kind.LIQUID) {
                if (open == null && tag.name().equals("raw")) {
                    open = tag;
                } else if (open != null && tag.name().equals("endraw")) {
                    regions.add(new Region(open.chars().getStartOffset(), open.chars().getEndOffset(),
                            tag.chars().getStartOffset(), tag.chars().getEndOffset()));
                    open = null;
                }
            }
            i = text.indexOf("{%", tag == null ? i + 2 : tag.end());
        }
        return regions.isEmpty() ? NONE : new RawRegions(List.copyOf(regions));
    }

    /** @return the regions in order */
    List<Region> regions() {
        return regions;
    }

    /**
     * @param offset an offset into the text
     * @return whether a tag starting there is text, being between {@code {% raw %}} and {@code {% endraw %}}
     */
    boolean literal(int offset) {
        Region region = at(offset);
        return region != null && offset >= region.contentStart() && offset < region.contentEnd();
    }

    /**
     * @param offset where a {@code raw} or {@code endraw} tag starts
     * @return whether that tag opens or closes a region (rather than standing alone)
     */
    boolean marker(int offset) {
        Region region = at(offset);
        return region != null && (offset == region.open() || offset == region.contentEnd());
    }

    /** @return the region {@code offset} falls in, markers included, or {@code null} */
    private Region at(int offset) {
        int low = 0;
        int high = regions.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Region r = regions.get(mid);
            if (offset < r.open()) {
                high = mid - 1;
            } else if (offset >= r.close()) {
                low = mid + 1;
            } else {
                return r;
            }
        }
        return null;
    }
}
