package dev.essayist.site;

/**
 * What the site header links to besides Essayist's own lists: features that own a linked page
 * implement it (the about page, {@code posts/pages/about.md}), so that {@code site/}, the bottom
 * layer, knows none of them, and the header never links to a page the site does not have (a blog
 * moved from Hugo or Jekyll often has no about page).
 */
public interface Navigation {

    /** @return whether the site has an about page at {@code /about} */
    boolean hasAbout();
}
