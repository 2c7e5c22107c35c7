package dev.essayist.content;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads TOML (Jackson's {@code jackson-dataformat-toml}) and JSON (Jackson's core parser) front
 * matter into the same node graph SnakeYAML makes of YAML, each node marked with its line, so that
 * {@link FrontMatterFields} reads all three forms with one set of typed accessors and every problem
 * names its line. TOML dates and times stay text (ISO 8601, RFC 3339), which {@link FrontMatter}
 * interprets as it does YAML's.
 */
final class JsonTomlNodes {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final TomlFactory TOML = TomlFactory.builder().build();

    private JsonTomlNodes() {
    }

    /**
     * @param text      the front matter
     * @param toml      TOML (else JSON)
     * @param file      the file, for problems
     * @param firstLine the 1-based file line on which {@code text} starts
     * @return the top-level node
     * @throws ContentException on a syntax error, with the parser's line
     */
    static Node parse(String text, boolean toml, String file, int firstLine) throws ContentException {
        try (JsonParser parser = (toml ? TOML : JSON).createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ContentException(ContentProblem.error(file, firstLine, "front matter is empty"));
            }
            Node root = node(parser);
            if (!toml && parser.nextToken() != null) {
                throw new ContentException(ContentProblem.error(file, line(parser.currentTokenLocation()) + firstLine,
                        "JSON syntax error: text after the front matter's closing '}'"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? firstLine : line(at) + firstLine;
            throw new ContentException(ContentProblem.error(file, line, (toml ? "TOML" : "JSON") + " syntax error: "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ContentException(ContentProblem.error(file, firstLine, "cannot read the front matter: " + e.getMessage()));
        }
    }

    /** @return the node of the value at the parser's current token (consumed) */
    private static Node node(JsonParser parser) throws IOException {
        Mark mark = mark(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<NodeTuple> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    Mark keyMark = mark(parser.currentTokenLocation());
                    ScalarNode key = scalar(Tag.STR, parser.currentName(), keyMark);
                    parser.nextToken();
                    entries.add(new NodeTuple(key, node(parser)));
                }
                return new MappingNode(Tag.MAP, true, entries, mark, mark, DumperOptions.FlowStyle.BLOCK);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new SequenceNode(Tag.SEQ, true, items, mark, mark, DumperOptions.FlowStyle.BLOCK);
            }
            case VALUE_STRING -> {
                return scalar(Tag.STR, parser.getText(), mark);
            }
            case VALUE_NUMBER_INT -> {
                return scalar(Tag.INT, parser.getText(), mark);
            }
            case VALUE_NUMBER_FLOAT -> {
                return scalar(Tag.FLOAT, parser.getText(), mark);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return scalar(Tag.BOOL, parser.getText(), mark);
            }
            case VALUE_NULL -> {
                return scalar(Tag.NULL, "null", mark);
            }
            default -> throw new JsonProcessingException("unexpected " + token, parser.currentTokenLocation()) {
            };
        }
    }

    private static ScalarNode scalar(Tag tag, String value, Mark mark) {
        return new ScalarNode(tag, value, mark, mark, DumperOptions.ScalarStyle.PLAIN);
    }

    /** @return a SnakeYAML mark (0-based line, as SnakeYAML's) at a Jackson location (1-based) */
    private static Mark mark(JsonLocation location) {
        return new Mark("front matter", 0, line(location), Math.max(0, location.getColumnNr() - 1), new int[0], 0);
    }

    private static int line(JsonLocation location) {
        return Math.max(0, location.getLineNr() - 1);
    }
}
