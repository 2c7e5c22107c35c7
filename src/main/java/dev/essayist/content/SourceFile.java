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
 * A Markdown file split into its YAML front matter and its body, before either is interpreted.
 *
 * <p>The file must be UTF-8 (a byte-order mark is accepted and dropped) and start with a line
 * {@code ---}; the front matter ends at the next line that is {@code ---} or {@code ...}. CRLF line
 * endings are accepted and read as LF. This is the front matter convention of Jekyll and Hugo.
 *
 * @param name         the file as shown to authors, e.g. {@code posts/2025-03-14-skip-locked.md}
 * @param hash         SHA-256 of the file's bytes, lowercase hex; changes exactly when the file does
 * @param frontMatter  the YAML between the delimiters, LF line endings
 * @param bodyLine     1-based line of the file on which the body starts
 * @param body         the Markdown after the closing delimiter, LF line endings
 */
public record SourceFile(String name, String hash, String frontMatter, int bodyLine, String body) {

    /** Largest file published; larger ones are an error, not a slow page. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    /** The 1-based file line of the first line of the front matter (the line after {@code ---}). */
    public static final int FRONT_MATTER_LINE = 2;

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
        if (!text.startsWith("---\n") && !text.equals("---")) {
            throw new ContentException(ContentProblem.error(name, 1,
                    "no front matter: the file must start with a line '---', then YAML, then '---'"));
        }
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return new SourceFile(name, hash, yaml, i + 2, body);
            }
        }
        throw new ContentException(ContentProblem.error(name, 1,
                "front matter is not terminated: no closing '---' line after the opening one"));
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
