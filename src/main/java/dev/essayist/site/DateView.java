package dev.essayist.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A time as a page shows it.
 *
 * @param iso   RFC 3339 with the site zone's offset, for {@code <time datetime>}
 * @param human the date for readers, e.g. {@code 14 March 2025}
 */
public record DateView(String iso, String human) {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * @param instant a time, or {@code null}
     * @param zone    the site time zone
     * @return its view, or {@code null} for {@code null}
     */
    public static DateView of(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        var local = instant.atZone(zone);
        return new DateView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.toOffsetDateTime()), HUMAN.format(local));
    }
}
