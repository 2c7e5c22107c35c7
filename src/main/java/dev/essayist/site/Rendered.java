package dev.essayist.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Arrays;

/**
 * A finished response body with its validators (RFC 9110 §8.8).
 *
 * @param body         the bytes sent
 * @param contentType  media type with charset, e.g. {@code text/html; charset=utf-8}
 * @param lastModified the newest content time that went into the body, whole seconds
 * @param etag         a strong entity tag: a hash of exactly these bytes and their media type, quoted
 *                     (two representations of one resource never share a strong validator)
 */
public record Rendered(byte[] body, String contentType, Instant lastModified, String etag) {

    /** HTML pages. */
    public static final String HTML = "text/html; charset=utf-8";

    /**
     * @param body         the bytes
     * @param contentType  media type with charset
     * @param lastModified newest content time (truncated to seconds, as HTTP dates are)
     * @return the response with its strong ETag
     */
    public static Rendered of(byte[] body, String contentType, Instant lastModified) {
        return new Rendered(body, contentType, lastModified.truncatedTo(ChronoUnit.SECONDS), etag(contentType, body));
    }

    /**
     * @param text         the body as text, sent as UTF-8
     * @param contentType  media type with charset
     * @param lastModified newest content time
     * @return the response with its strong ETag
     */
    public static Rendered of(String text, String contentType, Instant lastModified) {
        return of(text.getBytes(StandardCharsets.UTF_8), contentType, lastModified);
    }

    /**
     * @param contentType the media type the bytes are sent as
     * @param bytes       the body
     * @return a strong entity tag: 128 bits of the SHA-256 of both, base64url, in quotes
     */
    public static String etag(String contentType, byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(contentType.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            byte[] digest = sha.digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
