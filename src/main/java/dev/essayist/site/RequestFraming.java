package dev.essayist.site;

import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The request framing rules of RFC 9112 §6 that Netty's HTTP/1.1 decoder leaves out, enforced as it
 * reads the header section, so that a request whose body length is ambiguous is refused before
 * anything is served on its connection (request smuggling, RFC 9112 §11.2).
 *
 * <p>Refused:
 * <ul>
 *   <li>{@code Content-Length} together with {@code Transfer-Encoding}: a server "MAY reject" it and
 *       "MUST close the connection" either way (§6.1; §6.3 item 3). Netty alone drops the
 *       {@code Content-Length}, reads the chunked body and keeps the connection, so a front proxy
 *       that went by the {@code Content-Length} would have a request hidden in the body answered.</li>
 *   <li>{@code Transfer-Encoding} other than a single {@code chunked} coding: the final coding not
 *       {@code chunked} ({@code xchunked}, {@code chunked, gzip}, {@code identity}: "MUST respond
 *       with 400 and then close the connection", §6.3 item 4), {@code chunked} twice (§7.1), or a
 *       coding before it, which this server does not implement (§6.1).</li>
 * </ul>
 * Repeated or malformed {@code Content-Length} (§6.3 item 5) Netty refuses itself.
 *
 * <p>How: the decoder stores each received field with {@link HttpHeaders#add(CharSequence, Object)}
 * on headers from its {@link HttpHeadersFactory}; these headers throw on a field that breaks a rule.
 * The decoder then marks the request failed and discards the rest of the connection's input
 * ({@code HttpObjectDecoder}'s bad-message state), exactly as for its own framing errors; Micronaut
 * answers a failed request with the site's {@code 400} page and closes the connection.
 */
final class RequestFraming implements HttpHeadersFactory {

    private final DefaultHttpHeadersFactory base;

    private RequestFraming(DefaultHttpHeadersFactory base) {
        this.base = base;
    }

    /**
     * @param server Micronaut's Netty settings
     * @return the HTTP/1.1 codec Micronaut builds from those settings, with these rules added
     */
    static HttpServerCodec codec(NettyHttpServerConfiguration server) {
        HttpDecoderConfig config = new HttpDecoderConfig()
                .setMaxInitialLineLength(server.getMaxInitialLineLength())
                .setMaxHeaderSize(server.getMaxHeaderSize())
                .setMaxChunkSize(server.getMaxChunkSize())
                .setValidateHeaders(server.isValidateHeaders())
                .setInitialBufferSize(server.getInitialBufferSize());
        // setValidateHeaders chose the validating (or not) factory; keep its validators.
        return new HttpServerCodec(config.setHeadersFactory(new RequestFraming((DefaultHttpHeadersFactory) config.getHeadersFactory())));
    }

    @Override
    public HttpHeaders newHeaders() {
        return new FramedHeaders(base);
    }

    @Override
    public HttpHeaders newEmptyHeaders() {
        return base.newEmptyHeaders();
    }

    /**
     * @param value one {@code Transfer-Encoding} field value, e.g. {@code "chunked"} or {@code "gzip, chunked"}
     * @return whether it lists exactly one transfer coding, {@code chunked} (case-insensitive; empty list
     *         elements and optional whitespace ignored, RFC 9110 §5.6.1)
     */
    static boolean onlyChunked(String value) {
        int codings = 0;
        boolean chunked = false;
        for (String element : value.split(",", -1)) {
            String coding = element.strip();
            if (!coding.isEmpty()) {
                codings++;
                chunked = coding.equalsIgnoreCase("chunked");
            }
        }
        return codings == 1 && chunked;
    }

    /** Request headers that refuse a field breaking the framing rules above. */
    private static final class FramedHeaders extends DefaultHttpHeaders {

        FramedHeaders(DefaultHttpHeadersFactory base) {
            super(base.getNameValidator(), base.getValueValidator());
        }

        @Override
        public HttpHeaders add(String name, Object value) {
            check(name, value);
            return super.add(name, value);
        }

        @Override
        public HttpHeaders add(CharSequence name, Object value) {
            check(name, value);
            return super.add(name, value);
        }

        private void check(CharSequence name, Object value) {
            boolean length = HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name);
            boolean coding = HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name);
            if (length && contains(HttpHeaderNames.TRANSFER_ENCODING) || coding && contains(HttpHeaderNames.CONTENT_LENGTH)) {
                throw new IllegalArgumentException("Content-Length with Transfer-Encoding (RFC 9112 §6.1)");
            }
            if (coding && (contains(HttpHeaderNames.TRANSFER_ENCODING) || !onlyChunked(String.valueOf(value)))) {
                throw new IllegalArgumentException("Transfer-Encoding other than chunked alone (RFC 9112 §6.3, §7)");
            }
        }
    }
}
