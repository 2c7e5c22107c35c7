package dev.essayist.site;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line when the server starts, saying which static folder is served and which of the theme's
 * files come from the jar, so a site that looks wrong (a stylesheet overridden by mistake, a
 * mistyped {@code ESSAYIST_STATIC_DIR}) says why in the log.
 *
 * @param site  the settings, for whether the folder was named
 * @param files the static files, for the folder
 */
@Singleton
record StaticFolderLog(SiteConfig site, StaticFiles files) {

    private static final Logger LOG = LoggerFactory.getLogger(StaticFiles.class);
    /** {@code essayist.static-dir} when none is configured ({@link SiteConfig}). */
    private static final String DEFAULT_FOLDER = "static";

    @EventListener
    void onStartup(ServerStartupEvent event) {
        Path folder = files.root();
        if (!Files.isDirectory(folder)) {
            // The default folder is optional (the theme is in the jar); a folder someone named is not.
            if (site.staticDir().equals(DEFAULT_FOLDER)) {
                LOG.info("Static folder {} does not exist: serving the theme from the jar only "
                        + "(ESSAYIST_STATIC_DIR names another folder)", folder);
            } else {
                LOG.warn("Static folder {} (essayist.static-dir, ESSAYIST_STATIC_DIR) does not exist: "
                        + "serving the theme from the jar only", folder);
            }
            return;
        }
        List<String> overridden = Theme.FILES.stream().filter(f -> Files.isRegularFile(folder.resolve(f))).toList();
        List<String> bundled = Theme.FILES.stream().filter(f -> !overridden.contains(f)).toList();
        LOG.info("Static folder {} served at /static/ and at the root; theme from the jar: {}; overridden by the folder: {}",
                folder, bundled.isEmpty() ? "none" : String.join(", ", bundled),
                overridden.isEmpty() ? "none" : String.join(", ", overridden));
    }
}
