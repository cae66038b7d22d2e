package io.tieout.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into a tree of mappings, lists, nulls and text. Every scalar keeps the exact text written
 * in the file: letting YAML 1.1 type scalars would read account {@code 0400} as octal 256, a country
 * {@code NO} as false and {@code 5.00} through a double. The settings' own types decide how text is read.
 */
final class YamlTree {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The YAML could not be read; the message starts with the line and column. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private YamlTree() {}

    /** The document's root; an empty document reads as an empty mapping. */
    static JsonNode read(String yaml) throws Malformed {
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return NODES.objectNode();
            }
            JsonNode root = value(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new Malformed(describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a String", e);
        }
    }

    private static JsonNode value(JsonParser parser) throws IOException {
        // The streaming parser hands back an alias as its bare name, which would silently become the value.
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new JsonParseException(parser, "aliases (*name) are not supported, write the value out");
        }
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode mapping = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    mapping.set(key, value(parser));
                }
                return mapping;
            }
            case START_ARRAY -> {
                ArrayNode list = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_NULL -> {
                return NullNode.getInstance();
            }
            default -> {
                return TextNode.valueOf(parser.getText());
            }
        }
    }

    private static String describe(JsonProcessingException e) {
        // SnakeYAML knows where the problem is and what construct it was in; Jackson's own location is
        // wherever its parser had got to, which can be a line off.
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null ? ""
                    : " (" + yaml.getContext() + (yaml.getContextMark() == null ? "" : " that starts at " + at(yaml.getContextMark())) + ")";
            return at(yaml.getProblemMark()) + ": " + yaml.getProblem() + context;
        }
        JsonLocation location = e.getLocation();
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + e.getOriginalMessage();
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
