package dev.essayist.series;

import dev.essayist.TestSite;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;

/**
 * A small inline site of series, shared by the series tests. "Multi-tenant PostgreSQL" has three
 * published parts spelled three ways: Settings (order 1), Policies (order 2) and Tables first (no
 * order, though the oldest), and a draft, a scheduled and an expired part that must count nowhere.
 * "Queues" has one part; "Ties" two parts with the same order; "Hidden" only a draft.
 */
public abstract class SeriesSite implements TestPropertyProvider {

    protected final TestSite site = TestSite.create();

    protected SeriesSite() {
        site.post("2025-02-01-tables.md", """
                title: Tables first
                date: 2025-02-01
                tags: [PostgreSQL]
                series: multi-tenant postgresql
                """, "The tables.\n");
        site.post("2025-03-01-policies.md", """
                title: Policies
                date: 2025-03-01
                series: Multi-Tenant PostgreSQL
                series_order: 2
                """, "The policies.\n");
        site.post("2025-05-01-settings.md", """
                title: Settings
                date: 2025-05-01
                series: "Multi-tenant PostgreSQL"
                series_order: 1
                """, "The settings.\n");
        site.post("2025-04-01-draft.md", """
                title: A draft part
                date: 2025-04-01
                series: Multi-tenant PostgreSQL
                series_order: 0
                draft: true
                """, "Not ready.\n");
        site.post("2999-01-01-later.md", """
                title: A later part
                date: 2999-01-01
                series: Multi-tenant PostgreSQL
                """, "Not yet.\n");
        site.post("2025-01-15-expired.md", """
                title: An expired part
                date: 2025-01-15
                expiryDate: 2025-01-20
                series: Multi-tenant PostgreSQL
                """, "Gone.\n");
        site.post("2025-06-01-queues-alone.md", "title: Queues alone\ndate: 2025-06-01\nseries: Queues\n", "One part.\n");
        site.post("2025-08-01-tie-b.md", "title: Tie B\ndate: 2025-08-01\nseries: Ties\nseries_order: 1\n", "B.\n");
        site.post("2025-07-20-tie-a.md", "title: Tie A\ndate: 2025-07-20\nseries: Ties\nseries_order: 1\n", "A.\n");
        site.post("2025-07-01-unrelated.md", "title: Unrelated\ndate: 2025-07-01\n", "In no series.\n");
        site.post("2025-04-02-hidden.md", "title: Hidden\ndate: 2025-04-02\nseries: Hidden\ndraft: true\n", "Draft.\n");
    }

    @Override
    public Map<String, String> getProperties() {
        return site.properties();
    }
}
