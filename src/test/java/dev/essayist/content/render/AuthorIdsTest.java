package dev.essayist.content.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class AuthorIdsTest {

    /**
     * Properties of the Window object itself (HTML §7.2), which no named property can shadow.
     * A name a script reads that is not here must be in {@link AuthorIds#RESERVED}.
     */
    private static final Set<String> WINDOW_OWN = Set.of("document", "location", "localStorage", "sessionStorage",
            "matchMedia", "navigator", "history", "setTimeout", "clearTimeout", "requestAnimationFrame", "getComputedStyle");

    private static final Pattern WINDOW_LOOKUP = Pattern.compile("\\bwindow\\.([A-Za-z_$][\\w$]*)");

    @Test
    void everyGlobalTheSiteScriptsReadIsAWindowPropertyOrReserved() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/theme/js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher lookup = WINDOW_LOOKUP.matcher(Files.readString(script));
                while (lookup.find()) {
                    read.add(lookup.group(1));
                }
            }
        }
        assertThat(read).as("globals read by the theme's scripts").contains("hljs");
        assertThat(read).allMatch(name -> WINDOW_OWN.contains(name) || AuthorIds.RESERVED.contains(name),
                "a Window property or in AuthorIds.RESERVED");
    }

    @Test
    void prefixesOnlyReservedIdsAndFollowsTheirLinks() {
        Element body = Jsoup.parseBodyFragment("<p id=\"hljs\">a</p><p id=\"intro\">b</p>"
                + "<a href=\"#hljs\">1</a><a href=\"#intro\">2</a><a href=\"/posts/x#hljs\">3</a>").body();
        AuthorIds.apply(body);
        assertThat(body.select("p").eachAttr("id")).containsExactly("user-content-hljs", "intro");
        assertThat(body.select("a").eachAttr("href")).containsExactly("#user-content-hljs", "#intro", "/posts/x#hljs");
    }
}
