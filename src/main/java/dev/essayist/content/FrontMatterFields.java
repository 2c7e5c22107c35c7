package dev.essayist.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A mapping read from front matter (YAML, or TOML and JSON through {@link JsonTomlNodes}), with typed
 * accessors that report the file and line of every wrong value.
 *
 * <p>Values are read from SnakeYAML's node graph rather than its Java objects so that each key
 * keeps its line (from the parser's mark) and so that dates are interpreted by
 * {@link FrontMatter}, not turned into UTC {@code java.util.Date}s by YAML 1.1's timestamp rule.
 */
public final class FrontMatterFields {

    /**
     * One loader per thread: building one costs more than composing a small document, and a
     * loader is not thread-safe. {@code compose} keeps no state between documents.
     */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(
            () -> new Yaml(new SafeConstructor(new LoaderOptions())));

    private final String file;
    private final int firstLine;
    private final Map<String, NodeTuple> entries;
    private final int line;

    private FrontMatterFields(String file, int firstLine, Map<String, NodeTuple> entries, int line) {
        this.file = file;
        this.firstLine = firstLine;
        this.entries = entries;
        this.line = line;
    }

    /**
     * Parses a file's front matter, in whichever format it is written (YAML, TOML or JSON).
     *
     * @param source the split file
     * @return the top-level mapping
     * @throws ContentException on a syntax error (with the parser's line), an empty block, or a top
     *                          level that is not a mapping
     */
    public static FrontMatterFields parse(SourceFile source) throws ContentException {
        if (source.format() == SourceFile.Format.YAML) {
            return parse(source.frontMatter(), source.name(), source.frontMatterLine());
        }
        Node root = JsonTomlNodes.parse(source.frontMatter(), source.format() == SourceFile.Format.TOML,
                source.name(), source.frontMatterLine());
        return of(root, source.name(), source.frontMatterLine(), "front matter");
    }

    /**
     * Parses front matter YAML.
     *
     * @param yaml      the YAML text
     * @param file      the file name for problems
     * @param firstLine the 1-based file line on which {@code yaml} starts
     * @return the top-level mapping
     * @throws ContentException on a YAML syntax error (with the parser's line), an empty block, or
     *                          a top level that is not a mapping
     */
    public static FrontMatterFields parse(String yaml, String file, int firstLine) throws ContentException {
        Node root;
        try {
            root = YAML.get().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + firstLine : firstLine;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ContentException(ContentProblem.error(file, line, "YAML syntax error: " + problem));
        } catch (YAMLException e) {
            throw new ContentException(ContentProblem.error(file, firstLine, "YAML syntax error: " + e.getMessage()));
        }
        if (root == null) {
            throw new ContentException(ContentProblem.error(file, firstLine - 1, "front matter is empty"));
        }
        return of(root, file, firstLine, "front matter");
    }

    private static FrontMatterFields of(Node node, String file, int firstLine, String what) throws ContentException {
        if (!(node instanceof MappingNode mapping)) {
            throw new ContentException(ContentProblem.error(file, node.getStartMark().getLine() + firstLine,
                    what + " must be a mapping of 'key: value' lines"));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), tuple);
            }
        }
        return new FrontMatterFields(file, firstLine, entries, node.getStartMark().getLine() + firstLine);
    }

    /** @return the keys, in file order */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** @return the file these fields came from */
    public String file() {
        return file;
    }

    /**
     * @param key a key
     * @return the 1-based file line of the key, or the mapping's own line when it is absent
     */
    public int line(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line : tuple.getKeyNode().getStartMark().getLine() + firstLine;
    }

    /**
     * @param key a key
     * @return the scalar's text, empty when absent or null
     * @throws ContentException if the value is a list or mapping
     */
    public Optional<String> string(String key) throws ContentException {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        throw wrongType(key, "text");
    }

    /**
     * @param key a key
     * @return the boolean, empty when absent
     * @throws ContentException if the value is not a YAML boolean ({@code true}/{@code false})
     */
    public Optional<Boolean> bool(String key) throws ContentException {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            return Optional.of(Boolean.valueOf(scalar.getValue().toLowerCase(java.util.Locale.ROOT).matches("true|yes|on|y")));
        }
        throw new ContentException(ContentProblem.error(file, line(key),
                "'" + key + "' must be true or false, not " + describe(value)));
    }

    /**
     * Reads a list of strings; a single string is read as a comma-separated list, as authors often
     * write {@code tags: postgres, queues}.
     *
     * @param key a key
     * @return the items, trimmed, empty ones dropped; an empty list when absent
     * @throws ContentException if the value or an item is a number, boolean or mapping
     */
    public List<String> strings(String key) throws ContentException {
        Node value = value(key);
        List<String> items = new ArrayList<>();
        if (value == null || isNull(value)) {
            return items;
        }
        if (value instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            for (String part : scalar.getValue().split(",")) {
                addTrimmed(items, part);
            }
            return items;
        }
        if (value instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar) || !Tag.STR.equals(scalar.getTag())) {
                    throw new ContentException(ContentProblem.error(file, item.getStartMark().getLine() + firstLine,
                            "'" + key + "' must be a list of text items; found " + describe(item)));
                }
                addTrimmed(items, scalar.getValue());
            }
            return items;
        }
        throw wrongType(key, "a list such as [a, b]");
    }

    /**
     * @param key a key
     * @return whether its value is a YAML, TOML or JSON boolean
     */
    public boolean isBoolean(String key) {
        Node value = value(key);
        return value instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag());
    }

    /**
     * Reads a list of words such as tags: a list, or a text split at commas when it has one and
     * else at whitespace, as Jekyll splits {@code tags: emacs lisp} into two tags.
     *
     * @param key a key
     * @return the items, trimmed, empty ones dropped; an empty list when absent
     * @throws ContentException if the value or an item is a number, boolean or mapping
     */
    public List<String> words(String key) throws ContentException {
        Node value = value(key);
        if (value instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag()) && scalar.getValue().indexOf(',') < 0) {
            List<String> items = new ArrayList<>();
            for (String word : scalar.getValue().strip().split("\\s+")) {
                addTrimmed(items, word);
            }
            return items;
        }
        return strings(key);
    }

    /**
     * Reads people's names from the first key present: text, a list of texts, a mapping with a
     * {@code name} (jekyll-seo-tag's form), or a list of such mappings.
     *
     * @param fields the front matter
     * @param keys   keys to try, in order
     * @return the names, possibly empty
     * @throws ContentException if a value is of another type
     */
    static List<String> names(FrontMatterFields fields, String... keys) throws ContentException {
        for (String key : keys) {
            Node value = fields.value(key);
            if (value == null || isNull(value)) {
                continue;
            }
            List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            List<String> names = new ArrayList<>();
            for (Node item : items) {
                Node name = item;
                if (item instanceof MappingNode mapping) {
                    name = mapping.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k
                            && k.getValue().equals("name")).map(NodeTuple::getValueNode).findFirst().orElse(null);
                }
                if (!(name instanceof ScalarNode scalar)) {
                    throw new ContentException(ContentProblem.error(fields.file(), item.getStartMark().getLine()
                            + fields.firstLine, "'" + key + "' must be a name, a list of names, or a mapping with 'name'"));
                }
                addTrimmed(names, scalar.getValue());
            }
            return List.copyOf(names);
        }
        return List.of();
    }

    /**
     * @param key a key
     * @return each item of a list of mappings; an empty list when absent
     * @throws ContentException if the value is not a list of mappings
     */
    public List<FrontMatterFields> mappings(String key) throws ContentException {
        Node value = value(key);
        List<FrontMatterFields> items = new ArrayList<>();
        if (value == null || isNull(value)) {
            return items;
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw wrongType(key, "a list of 'key: value' entries");
        }
        for (Node item : sequence.getValue()) {
            items.add(of(item, file, firstLine, "each item of '" + key + "'"));
        }
        return items;
    }

    /**
     * @param line    the 1-based file line
     * @param message what is wrong
     * @return an error problem in this file
     */
    ContentException error(int line, String message) {
        return new ContentException(ContentProblem.error(file, line, message));
    }

    private static void addTrimmed(List<String> items, String item) {
        String trimmed = item.strip();
        if (!trimmed.isEmpty()) {
            items.add(trimmed);
        }
    }

    private Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private static boolean isNull(Node node) {
        return Tag.NULL.equals(node.getTag());
    }

    private ContentException wrongType(String key, String expected) {
        return new ContentException(ContentProblem.error(file, line(key),
                "'" + key + "' must be " + expected + ", not " + describe(value(key))));
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        ScalarNode scalar = (ScalarNode) node;
        String kind = Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()) ? "the number "
                : Tag.BOOL.equals(scalar.getTag()) ? "the boolean " : "";
        return kind + "\"" + scalar.getValue() + "\"";
    }
}
