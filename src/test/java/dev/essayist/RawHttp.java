package dev.essayist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: the request line goes out
 * byte for byte as given, so {@code ..}, {@code %2e}, backslashes, {@code ;} and raw control bytes
 * reach the server unnormalised. Loopback only; five seconds at most per request.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BYTES = 1 << 20;

    private final String host;
    private final int port;

    /** @param base the server's URL, e.g. {@code http://localhost:PORT} */
    public RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /**
     * A parsed response.
     *
     * @param status  the status code
     * @param headers header fields by lower-case name, each with every value sent, in order
     * @param body    the body as UTF-8 text
     */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        /** @return the header's first value, or {@code null} */
        public String header(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** @return every value of the header, possibly none */
        public List<String> values(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    /**
     * @param target the request target exactly as sent, e.g. {@code /static/%2e%2e/secret.txt}
     * @return the response to {@code GET target}
     */
    public Response get(String target) {
        return send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /**
     * @param request the whole request, request line to the blank line, sent as ISO-8859-1 bytes
     * @return the response, read until the server closes the connection
     */
    public Response send(String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("request " + request.lines().findFirst().orElse("") + " failed", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1 && out.size() < MAX_BYTES) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new AssertionError("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        String body = new String(bytes, end + 4, bytes.length - end - 4, StandardCharsets.UTF_8);
        return new Response(status, headers, body);
    }
}
