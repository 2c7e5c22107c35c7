package dev.essayist.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content file split into its front matter and its body, before either is interpreted.
 *
 * <p>The file must be UTF-8 (a byte-order mark is accepted and dropped); CRLF line endings are read
 * as LF. Its front matter is in one of the three forms Hugo reads (https://gohugo.io/content-management/front-matter/),
 * the first of which is also Jekyll's:
 * <ul>
 *   <li>YAML between a first line {@code ---} and the next line {@code ---} (or {@code ...});</li>
 *   <li>TOML between a first line {@code +++} and the next line {@code +++};</li>
 *   <li>JSON: the file starts with {@code {}, and the front matter is that object, up to its
 *       closing brace.</li>
 * </ul>
 *
 * @param name             the file as shown to authors, e.g. {@code posts/2025-03-14-skip-locked.md}
 * @param hash             SHA-256 of the file's bytes, lowercase hex; changes exactly when the file does
 * @param format           the front matter's format
 * @param frontMatter      the front matter text (without the YAML and TOML delimiters), LF line endings
 * @param frontMatterLine  1-based line of the file on which {@code frontMatter} starts
 * @param bodyLine         1-based line of the file on which the body starts
 * @param body             the text after the front matter, LF line endings
 */
public record SourceFile(String name, String hash, Format format, String frontMatter, int frontMatterLine,
                         int bodyLine, String body) {

    /** A front matter format. */
    public enum Format {
        /** YAML 1.1 (SnakeYAML) between {@code ---} lines. */
        YAML,
        /** TOML 1.0 between {@code +++} lines. */
        TOML,
        /** A JSON object at the start of the file. */
        JSON
    }

    /** Largest file published; larger ones are an error, not a slow page. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    /**
     * Reads and splits a file.
     *
     * @param path the file
     * @param name the name to report in problems
     * @return the split file
     * @throws ContentException if the file is too large, not UTF-8, or has no or an unterminated
     *                          front matter block
     * @throws IOException      if the file cannot be read
     */
    public static SourceFile read(Path path, String name) throws IOException, ContentException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new ContentException(ContentProblem.error(name, 0,
                    "file is " + size + " bytes; the limit is " + MAX_BYTES + " (2 MB)"));
        }
        return parse(Files.readAllBytes(path), name);
    }

    /**
     * Splits a file's bytes; see {@link #read(Path, String)}.
     *
     * @param bytes the file's content
     * @param name  the name to report in problems
     * @return the split file
     * @throws ContentException if the bytes are not UTF-8 or the front matter block is missing or open
     */
    public static SourceFile parse(byte[] bytes, String name) throws ContentException {
        return parse(bytes, name, sha256(bytes));
    }

    /**
     * Splits a file's bytes whose hash is already known; see {@link #read(Path, String)}.
     *
     * @param bytes the file's content
     * @param name  the name to report in problems
     * @param hash  {@link #sha256(byte[])} of {@code bytes}
     * @return the split file
     * @throws ContentException if the bytes are not UTF-8 or the front matter block is missing or open
     */
    static SourceFile parse(byte[] bytes, String name, String hash) throws ContentException {
        String text = decodeUtf8(bytes, name);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        if (text.startsWith("{")) {
            return json(text, name, hash);
        }
        String delimiter = text.startsWith("+++") ? "+++" : "---";
        Format format = delimiter.equals("+++") ? Format.TOML : Format.YAML;
        if (!text.startsWith(delimiter + "\n") && !text.equals(delimiter)) {
            throw new ContentException(ContentProblem.error(name, 1, "no front matter: the file must start with a"
                    + " line '---' then YAML then '---' (or '+++' and TOML, or a JSON object)"));
        }
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.equals(delimiter) || format == Format.YAML && line.equals("...")) {
                String frontMatter = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return new SourceFile(name, hash, format, frontMatter, 2, i + 2, body);
            }
        }
        throw new ContentException(ContentProblem.error(name, 1,
                "front matter is not terminated: no closing '" + delimiter + "' line after the opening one"));
    }

    /** JSON front matter: the object that opens the file, found by matching its braces outside strings. */
    private static SourceFile json(String text, String name, String hash) throws ContentException {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                int lineEnd = text.indexOf('\n', i);
                int closingLine = lineNumber(text, i);
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return new SourceFile(name, hash, Format.JSON, text.substring(0, i + 1), 1, closingLine + 1, body);
            }
        }
        throw new ContentException(ContentProblem.error(name, 1, "JSON front matter is not terminated: the '{' on"
                + " line 1 has no closing '}'"));
    }

    private static int lineNumber(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String decodeUtf8(byte[] bytes, String name) throws ContentException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ContentException(ContentProblem.error(name, lineOfFirstInvalidByte(bytes),
                    "file is not UTF-8; save it as UTF-8"));
        }
    }

    private static int lineOfFirstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < (result.isError() ? in.position() : 0); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * @param bytes any bytes
     * @return their SHA-256 as lowercase hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
