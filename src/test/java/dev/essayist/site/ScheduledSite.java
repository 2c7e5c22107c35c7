package dev.essayist.site;

import dev.essayist.InlineSite;
import dev.essayist.TestSite;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A test site whose server runs on a {@link MovableClock} set at {@link #START}, one minute before
 * posts dated {@code 2030-01-01T09:00:00Z} come due: a test moves the clock and watches the site
 * follow, with no file event and no reindex (design.md invariant 5). Subclasses write the posts.
 */
public abstract class ScheduledSite extends InlineSite {

    /** The clock's start, a minute before 09:00 on the first day of 2030. */
    public static final String START = "2030-01-01T08:59:00Z";

    @Inject
    protected MovableClock clock;

    /** @param site the site to write the test's posts into, before the server starts */
    protected abstract void write(TestSite site);

    @Override
    public Map<String, String> getProperties() {
        write(site);
        Map<String, String> props = site.properties();
        props.put("test.movable-clock", START);
        return props;
    }
}
