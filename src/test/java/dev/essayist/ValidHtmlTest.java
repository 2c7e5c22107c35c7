package dev.essayist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.TestSite.Http;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

/** Every page type of the demo site is valid HTML by the W3C Nu HTML checker (run in process). */
@MicronautTest(transactional = false)
class ValidHtmlTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    @Test
    void everyPageTypeHasNoNuCheckerError() throws Exception {
        Http http = new Http(server.getURI());
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        // The checker must see errors at all: a page without a title and with a stray end tag.
        assertThat(errors(validator, "known-bad", "/", "<!DOCTYPE html><html lang=en><p>x</span>")).hasSizeGreaterThanOrEqualTo(2);
        List<String> errors = new ArrayList<>();
        Map<String, String> pages = DemoPages.of(http);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            errors.addAll(errors(validator, page.getKey(), page.getValue(), http.get(page.getValue()).body()));
        }
        assertThat(pages).hasSize(8);
        assertThat(errors).isEmpty();
    }

    private List<String> errors(EmbeddedValidator validator, String type, String path, String html) throws Exception {
        List<String> errors = new ArrayList<>();
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        for (JsonNode message : json.readValue(report, JsonNode.class).get("messages").values()) {
            if (text(message, "type").equals("error") || text(message, "subType").equals("fatal")) {
                errors.add(type + " " + path + " line " + text(message, "lastLine") + ": "
                        + text(message, "message") + " [" + text(message, "extract") + "]");
            }
        }
        return errors;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? "" : value.isString() ? value.getStringValue() : value.toString();
    }
}
