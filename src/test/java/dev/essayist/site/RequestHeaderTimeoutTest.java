package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request-head clock on one connection, on Netty's embedded channel with its time frozen and moved by hand. */
class RequestHeaderTimeoutTest {

    private static final long TIMEOUT_SECONDS = 20;

    private final AtomicInteger timeouts = new AtomicInteger();
    private final IdleConnections idle = new IdleConnections();
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new RequestHeaderTimeout(Duration.ofSeconds(TIMEOUT_SECONDS), idle, timeouts::incrementAndGet));
    }

    private void advanceSeconds(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    private void request() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        channel.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    private void respond() {
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
    }

    @Test
    void closesAConnectionWithoutARequestHeadWhenTheTimeoutEnds() {
        advanceSeconds(TIMEOUT_SECONDS - 1);
        assertThat(channel.isOpen()).isTrue();
        advanceSeconds(1);
        assertThat(channel.isOpen()).isFalse();
        assertThat(timeouts).hasValue(1);
        // Closed without a word: no request was made.
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void stopsTheClockWhileAResponseIsOwedAndRestartsItWhenTheResponseIsWritten() {
        advanceSeconds(TIMEOUT_SECONDS - 1);
        assertThat(idle.size()).as("idle before the request").isEqualTo(1);
        request();
        assertThat(idle.size()).as("idle with a request under way").isZero();
        // A render or a download may take longer than the timeout.
        advanceSeconds(3 * TIMEOUT_SECONDS);
        assertThat(channel.isOpen()).isTrue();
        respond();
        assertThat(idle.size()).as("idle once answered").isEqualTo(1);
        advanceSeconds(TIMEOUT_SECONDS - 1);
        assertThat(channel.isOpen()).isTrue();
        // Keep-alive: the next head must come within the timeout too.
        advanceSeconds(1);
        assertThat(channel.isOpen()).isFalse();
        assertThat(idle.size()).as("idle once closed").isZero();
    }

    @Test
    void waitsForTheResponseToEveryPipelinedRequest() {
        request();
        request();
        respond();
        advanceSeconds(2 * TIMEOUT_SECONDS);
        assertThat(channel.isOpen()).isTrue();
        respond();
        advanceSeconds(TIMEOUT_SECONDS);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anInterimResponseIsNotTheAnswer() {
        request();
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        advanceSeconds(2 * TIMEOUT_SECONDS);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aStreamedResponseEndsWithItsLastContent() {
        request();
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        advanceSeconds(2 * TIMEOUT_SECONDS);
        assertThat(channel.isOpen()).isTrue();
        channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        advanceSeconds(TIMEOUT_SECONDS);
        assertThat(channel.isOpen()).isFalse();
        assertThat(timeouts).hasValue(1);
    }
}
