package dev.essayist.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in front matter, in the forms Hugo and Jekyll document and read:
 * <ul>
 *   <li>ISO 8601 / RFC 3339: {@code 2025-03-14}, {@code 2025-03-14T09:00}, {@code 2025-03-14T09:00:00-05:00},
 *       {@code 2025-03-14T14:00:00Z}, with fractions of a second (and TOML's native dates, which reach
 *       here as that text);</li>
 *   <li>Jekyll's documented {@code YYYY-MM-DD HH:MM:SS +/-TTTT}: {@code 2019-10-01 11:00:00 +0000},
 *       {@code -0500}, {@code +00:00};</li>
 *   <li>Hugo's one-digit hour: {@code 2019-04-09T8:09:26-07:00};</li>
 *   <li>the date in a Jekyll post's file name, {@code 2019-10-01-title.md}, when front matter has none.</li>
 * </ul>
 * A date or time without an offset is in the site's time zone (Hugo takes UTC, or its
 * {@code timeZone} setting; Jekyll its {@code timezone} setting or the machine's zone).
 */
final class FrontMatterDates {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern FILE_NAME = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-");

    private FrontMatterDates() {
    }

    /**
     * @param fields the front matter
     * @param key    a date key
     * @param zone   the zone of dates without an offset
     * @return the date, empty when the key is absent
     * @throws ContentException {@code 'date' is not a date: "2025-13-01"}, at the key's line
     */
    static Optional<ZonedDateTime> read(FrontMatterFields fields, String key, ZoneId zone) throws ContentException {
        Optional<String> raw = fields.string(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(raw.get(), zone).orElseThrow(() -> fields.error(fields.line(key),
                "'" + key + "' is not a date: \"" + raw.get() + "\" (use ISO-8601, e.g. 2025-03-14 or"
                        + " 2025-03-14T09:00:00-05:00)")));
    }

    /**
     * @param text a date as written
     * @param zone the zone of dates without an offset
     * @return the date, empty when it is not one of the forms above or not a real date
     */
    static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
            LocalDateTime local = LocalDateTime.of(day, time);
            String offset = m.group(8);
            if (offset == null) {
                return Optional.of(local.atZone(zone));
            }
            ZoneOffset given = offset.equalsIgnoreCase("z") ? ZoneOffset.UTC
                    : ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
            return Optional.of(local.atOffset(given).atZoneSameInstant(zone));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * @param fileName a post's file name, e.g. {@code 2019-10-01-title.md}
     * @param zone     the site's zone
     * @return midnight of the date it starts with (Jekyll's rule for a post without {@code date}), if any
     */
    static Optional<ZonedDateTime> ofFileName(String fileName, ZoneId zone) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.find()) {
            return Optional.empty();
        }
        return parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3), zone);
    }
}
