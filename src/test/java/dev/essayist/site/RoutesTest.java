package dev.essayist.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void aRequestPathIsDecodedAsUtf8WithPlusKept() {
        assertThat(Routes.decodedPath("/2016/09/10/Help%21-I%27m/")).isEqualTo("/2016/09/10/Help!-I'm/");
        assertThat(Routes.decodedPath("/C++-%C3%BC/")).isEqualTo("/C++-ü/");
    }

    @Test
    void aMalformedEscapeIsKeptAsSent() {
        assertThat(Routes.decodedPath("/100%zz")).isEqualTo("/100%zz");
    }

    @Test
    void aLocationEncodesNonAsciiOnly() {
        assertThat(Routes.location("/Help!-I'm/ü/").toString()).isEqualTo("/Help!-I'm/%C3%BC/");
    }
}
