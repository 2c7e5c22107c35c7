package dev.essayist.content;

/**
 * A link or image written in a Markdown body.
 *
 * @param url   the target as written, e.g. {@code /posts/x#y}, {@code #y}, {@code /static/img/a.png}
 * @param line  1-based line in the body (add the body's first file line minus one for the file line)
 * @param image whether it is an image
 */
@io.micronaut.serde.annotation.Serdeable
public record Reference(String url, int line, boolean image) {
}
