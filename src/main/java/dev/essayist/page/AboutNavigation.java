package dev.essayist.page;

import dev.essayist.site.Navigation;
import jakarta.inject.Singleton;

/** The header links to {@code /about} only while {@code posts/pages/about.md} is indexed. */
@Singleton
class AboutNavigation implements Navigation {

    private final PageRepository pages;

    AboutNavigation(PageRepository pages) {
        this.pages = pages;
    }

    @Override
    public boolean hasAbout() {
        return pages.existsById("about");
    }
}
