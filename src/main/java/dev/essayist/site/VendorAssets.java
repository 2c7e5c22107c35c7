package dev.essayist.site;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Third-party browser code from a WebJar on the class path, served at {@code /vendor/{file}} by
 * {@link VendorController}, never from another host. Only the files listed here are reachable
 * (design.md invariant 7).
 *
 * <p>highlight.js comes from {@code org.webjars:highlightjs}; its "common" build covers Java,
 * SQL, Rust, Go, Python, TypeScript, shell, YAML, JSON and diff. Its version is read from the
 * WebJar's own {@code pom.properties}, so upgrading is a change to {@code pom.xml} only.
 */
@Singleton
class VendorAssets {

    private static final String WEBJAR = "META-INF/resources/webjars/highlightjs/";
    private static final String POM = "META-INF/maven/org.webjars/highlightjs/pom.properties";
    private static final String OWNER = "org.webjars:highlightjs in pom.xml";

    private final Map<String, Rendered> files;

    VendorAssets() {
        String version = property(POM, "version");
        this.files = Map.of("highlight.min.js", load(WEBJAR + version + "/highlight.min.js"));
    }

    /**
     * @param file a file name such as {@code highlight.min.js}
     * @return its URL with a content fingerprint, {@code /vendor/highlight.min.js?v=…}
     * @throws IllegalArgumentException if no such file is served
     */
    public String url(String file) {
        Rendered rendered = files.get(file);
        if (rendered == null) {
            throw new IllegalArgumentException("no vendor file " + file);
        }
        return "/vendor/" + file + "?v=" + rendered.etag().substring(1, 11);
    }

    /**
     * @param file a file name such as {@code highlight.min.js}
     * @return its bytes and validators, or empty when no such file is served
     */
    Optional<Rendered> find(String file) {
        return Optional.ofNullable(files.get(file));
    }

    private static Rendered load(String resource) {
        return ClasspathFiles.read(resource, OWNER);
    }

    private static String property(String resource, String key) {
        Properties properties = new Properties();
        try (InputStream in = ClasspathFiles.url(resource, OWNER).openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties.getProperty(key);
    }
}
