package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cap in force. */
class ConnectionLimitTest {

    @Test
    void neverAllowsMoreThanHalfTheOpenFileLimit() {
        assertThat(new ConnectionLimit(10_000, 1024, new IdleConnections()).limit()).isEqualTo(512);
        assertThat(new ConnectionLimit(10_000, 1_048_576, new IdleConnections()).limit()).isEqualTo(10_000);
        assertThat(new ConnectionLimit(3, 1_048_576, new IdleConnections()).limit()).isEqualTo(3);
    }

    @Test
    void takesSlotsUpToTheCapAndFreesThem() {
        ConnectionLimit limit = new ConnectionLimit(2, Long.MAX_VALUE, new IdleConnections());
        assertThat(limit.take()).isTrue();
        assertThat(limit.take()).isTrue();
        assertThat(limit.take()).isFalse();
        limit.release();
        assertThat(limit.open()).isEqualTo(1);
        assertThat(limit.take()).isTrue();
    }
}
