package dev.essayist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An about page whose {@code links:} mix ordinary URLs with every way of smuggling a script URL past
 * a careless check, and what Essayist must make of it.
 */
public final class HostileAbout {

    /** The whole {@code posts/pages/about.md}. */
    public static final String TEXT = """
            ---
            title: About
            experience:
              - role: Engineer
                organisation: Acme
                context: "2025 hackathon, then production"
            links:
              - label: Code
                url: https://example.com/code
              - label: Mail
                url: "mailto:me@example.com"
              - label: Archive
                url: /archive
              - label: Script
                url: "javascript:alert(44)"
              - label: Data
                url: "data:text/html,<script>alert(1)</script>"
              - label: Tab
                url: "java\\tscript:alert(1)"
              - label: Shouting
                url: "  JAVASCRIPT:alert(1)"
              - label: Decimal
                url: "java&#115;cript:alert(1)"
              - label: Hex
                url: "&#x6A;avascript:alert(1)"
              - label: Named
                url: "javascript&colon;alert(1)"
            ---
            Body.
            """;

    /** The hrefs that must reach the page, in order. */
    public static final List<String> KEPT = List.of("https://example.com/code", "mailto:me@example.com", "/archive");

    /** Each refused link's label, and the file line of its {@code url:}. */
    public static final Map<String, Integer> REFUSED = refused();

    private HostileAbout() {
    }

    private static Map<String, Integer> refused() {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> labels = List.of("Script", "Data", "Tab", "Shouting", "Decimal", "Hex", "Named");
        for (int i = 0; i < labels.size(); i++) {
            lines.put(labels.get(i), 15 + 2 * i);
        }
        return lines;
    }
}
