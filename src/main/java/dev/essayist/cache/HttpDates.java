package dev.essayist.cache;

import io.netty.handler.codec.DateFormatter;
import java.util.Date;

/** The {@code Date} header value (RFC 9110 §6.6.1) of a hit, formatted at most once a second. */
final class HttpDates {

    private static volatile long second = -1;
    private static volatile String formatted = "";

    private HttpDates() {
    }

    /** @return the current time as an IMF-fixdate, e.g. {@code Fri, 14 Mar 2025 14:00:00 GMT} */
    static String now() {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            formatted = DateFormatter.format(new Date(now * 1000));
            second = now;
        }
        return formatted;
    }
}
