package dev.essayist;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;

/**
 * A small inline site shared by the HTTP tests: three published essays across two years, a draft,
 * a scheduled essay, a broken file, and an about page. Test classes extend it to get a fresh site
 * and a server pointed at it.
 */
public abstract class SiteFixture implements TestPropertyProvider {

    protected final TestSite site = TestSite.create();

    protected SiteFixture() {
        site.post("2024-11-05-gamma.md", """
                title: "Gamma: the oldest"
                date: 2024-11-05
                tags: [Architecture]
                """, "Gamma's first paragraph.\n");
        site.post("2025-01-10-alpha.md", """
                title: "Alpha & Omega"
                date: 2025-01-10
                updated: 2025-01-12T08:00:00-06:00
                tags: [PostgreSQL, Queues]
                summary: "Alpha's own summary."
                """, """
                Alpha opens with a link to [Beta](/posts/beta) and a footnote.[^1]

                ## First section

                | column | value |
                |--------|-------|
                | a      | 1     |

                ## Second section

                ![diagram](/static/img/diagram.png)

                ### A detail

                ```sql
                SELECT 1;
                ```

                ## Third section

                Back to [the first](#first-section).

                [^1]: A note.
                """);
        site.post("2025-02-20-beta.md", """
                title: Beta
                date: 2025-02-20T10:00:00Z
                tags: [postgresql]
                aliases: [/2025/02/beta, /posts/old-beta]
                """, "Beta's body mentions [Alpha](/posts/alpha).\n");
        site.post("2025-03-01-draft.md", """
                title: A draft
                date: 2025-03-01
                tags: [Drafts]
                draft: true
                """, "Not ready.\n");
        site.post("2999-01-01-future.md", """
                title: From the future
                date: 2999-01-01
                tags: [Future]
                """, "Not yet.\n");
        site.post("2025-04-01-broken.md", """
                date: 2025-04-01
                tags: [Broken]
                """, "No title.\n");
        site.staticFile("img/diagram.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        site.write("pages/about.md", """
                ---
                title: About
                summary: "Who writes here."
                experience:
                  - role: Engineer
                    organisation: Acme
                    period: "2020–2024"
                    summary: "Built the queue."
                links:
                  - label: Code
                    url: https://example.com/code
                ---
                I write about **databases**.
                """);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(site.properties());
        props.put("essayist.page-size", "2");
        return props;
    }
}
