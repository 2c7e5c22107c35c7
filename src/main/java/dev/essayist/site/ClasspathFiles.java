package dev.essayist.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.time.Instant;

/**
 * Files the jar carries (the theme, WebJars), read once into memory with their validators.
 */
final class ClasspathFiles {

    private ClasspathFiles() {
    }

    /**
     * @param resource a class path resource, e.g. {@code theme/css/site.css}
     * @param owner    what provides it, named in the error when it is missing (e.g. a Maven artifact)
     * @return its bytes, media type and validators; Last-Modified is the time of the jar entry (or of
     *         the file under {@code target/classes/}), since these files change only with a release
     * @throws IllegalStateException if the resource is missing
     * @throws UncheckedIOException  if it cannot be read
     */
    static Rendered read(String resource, String owner) {
        try {
            URLConnection connection = url(resource, owner).openConnection();
            try (InputStream in = connection.getInputStream()) {
                return Rendered.of(in.readAllBytes(), StaticFiles.contentType(resource),
                        Instant.ofEpochMilli(connection.getLastModified()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * @param resource a class path resource
     * @param owner    what provides it, for the error
     * @return its URL
     * @throws IllegalStateException if it is missing
     */
    static URL url(String resource, String owner) {
        URL url = ClasspathFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the class path (" + owner + ")");
        }
        return url;
    }
}
