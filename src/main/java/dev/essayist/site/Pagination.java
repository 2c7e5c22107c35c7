package dev.essayist.site;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one page of a paginated list sits: the index ({@code /}, {@code /page/2}, ...) and a tag
 * ({@code /tags/t}, {@code /tags/t/page/2}, ...). Page 1 lives at the list's own address, page
 * {@code n > 1} at {@code <address>/page/n}; {@code <address>/page/1} redirects to the address.
 *
 * @param page     1-based page number
 * @param pages    number of pages, at least 1 (an empty list has one, empty, page)
 * @param size     items per page, at least 1
 * @param first    the list's own address (page 1), e.g. {@code /} or {@code /tags/sql}
 * @param newerUrl the previous (newer) page, or {@code null} on page 1
 * @param olderUrl the next (older) page, or {@code null} on the last page
 */
public record Pagination(int page, int pages, int size, String first, @Nullable String newerUrl,
                         @Nullable String olderUrl) {

    /**
     * @param page  1-based page number, at least 1
     * @param total items in the whole list
     * @param size  items per page ({@code essayist.page-size}), at least 1
     * @param first the list's own address
     * @return the page's place, or {@code null} when {@code page} is past the last page (a 404)
     */
    @Nullable
    public static Pagination of(int page, long total, int size, String first) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        if (page < 1 || page > pages) {
            return null;
        }
        return new Pagination(page, pages, size, first, page == 1 ? null : url(first, page - 1),
                page == pages ? null : url(first, page + 1));
    }

    /**
     * @param number the path segment after {@code /page/}, as requested
     * @return the page number it names, or 0 (no page) when it is not a whole number
     */
    public static int number(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0; // "/page/two" names no page: the caller answers 404, as for page 0
        }
    }

    /**
     * @param first the list's own address
     * @param page  1-based page number
     * @return that page's address: {@code first} for page 1, else {@code first/page/n}
     *         ({@code /page/n} under {@code /})
     */
    public static String url(String first, int page) {
        if (page == 1) {
            return first;
        }
        return ("/".equals(first) ? "" : first) + "/page/" + page;
    }

    /** @return whether there is more than one page, so the page needs links to the others */
    public boolean paginated() {
        return pages > 1;
    }

    /** @return this page's own address, its canonical URL */
    public String url() {
        return url(first, page);
    }

    /** @return rows to skip before this page's first item */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** @return {@code <link rel="prev">} and {@code <link rel="next">} where they exist */
    public List<Head.Link> rel() {
        List<Head.Link> rel = new ArrayList<>(2);
        if (newerUrl != null) {
            rel.add(new Head.Link("prev", null, null, newerUrl));
        }
        if (olderUrl != null) {
            rel.add(new Head.Link("next", null, null, olderUrl));
        }
        return rel;
    }
}
