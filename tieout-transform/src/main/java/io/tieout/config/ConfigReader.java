package io.tieout.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a {@link YamlTree} and collects every problem instead of stopping at the first. Reads never
 * throw: a bad value is recorded and read as null (or as the default, for optional settings), so the
 * walk goes on and the caller throws once at the end, when the half-built config is discarded.
 */
final class ConfigReader {

    private static final String CREDENTIALS_MUST_BE_REFERENCES = "credentials must be ${ENV_VAR} references, never literal secrets";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final String REFERENCE_FORM = "${NAME} with letters, digits and underscores, no default values";

    private final Function<String, String> env;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigReader(Function<String, String> env) {
        this.env = env;
    }

    /** Thrown by a converter to reject a value; the message is the problem, the reader adds path and allowed. */
    static final class Rejected extends RuntimeException {
        Rejected(String problem) {
            super(problem, null, false, false);
        }
    }

    static Rejected reject(String problem) {
        return new Rejected(problem);
    }

    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    void problem(String path, String problem, String allowed) {
        problems.add(new ConfigProblem(path, problem, allowed));
    }

    Section root(JsonNode tree, List<String> keys) {
        return section(tree, "", keys);
    }

    /** @param keys the keys allowed in the mapping, or null for a free-form mapping such as channelClass */
    private Section section(JsonNode node, String path, List<String> keys) {
        if (node == null || node.isNull()) {
            return new Section(path, null, true);
        }
        if (!node.isObject()) {
            problem(path, "must be a mapping", keys == null ? "key: value pairs" : String.join(", ", keys));
            return unreadable(path);
        }
        Section section = new Section(path, node, true);
        if (keys != null) {
            node.fieldNames().forEachRemaining(key -> {
                if (!keys.contains(key)) {
                    problem(section.path(key), "unknown key", String.join(", ", keys));
                }
            });
        }
        return section;
    }

    /** Stands in for a value that is not a mapping, already reported: everything in it reads as absent, silently. */
    private Section unreadable(String path) {
        return new Section(path, null, false);
    }

    /** The scalar's text with {@code ${VAR}} references replaced; null, with the problem recorded, if that fails. */
    private String scalar(JsonNode node, String path, String allowed) {
        if (node.isContainerNode()) {
            problem(path, "must be a single value, not a " + (node.isArray() ? "list" : "mapping"), allowed);
            return null;
        }
        return interpolate(node.asText(), path);
    }

    private String interpolate(String raw, String path) {
        if (REFERENCE.matcher(raw).replaceAll("").contains("${")) {
            problem(path, "'" + raw + "' has a malformed ${...} reference", REFERENCE_FORM);
            return null;
        }
        Matcher reference = REFERENCE.matcher(raw);
        StringBuilder resolved = new StringBuilder();
        boolean allSet = true;
        while (reference.find()) {
            String name = reference.group(1);
            String value = env.apply(name);
            if (value == null) {
                problem(path, "environment variable " + name + " is not set", "a variable set in the environment");
                allSet = false;
            } else {
                reference.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
        }
        reference.appendTail(resolved);
        return allSet ? resolved.toString() : null;
    }

    /** One mapping of the file at a known path. An absent mapping reads as empty, so its required keys are still reported. */
    final class Section {

        private final String path;
        private final JsonNode node;
        private final boolean readable;

        private Section(String path, JsonNode node, boolean readable) {
            this.path = path;
            this.node = node;
            this.readable = readable;
        }

        String path() {
            return path;
        }

        String path(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        void problem(String key, String problem, String allowed) {
            ConfigReader.this.problem(path(key), problem, allowed);
        }

        Section section(String key, String... keys) {
            return child(key, List.of(keys));
        }

        /**
         * Reads each element of a list of mappings in turn, so problems come out in file order. Elements that
         * are not mappings are reported and skipped.
         */
        <T> List<T> sections(String key, List<String> keys, Function<Section, T> read) {
            JsonNode list = list(key, "a list of mappings");
            if (list == null) {
                return List.of();
            }
            List<T> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Section element = ConfigReader.this.section(list.get(i), path(key) + "[" + i + "]", keys);
                if (element.readable) {
                    values.add(read.apply(element));
                }
            }
            return List.copyOf(values);
        }

        /** The converted value; a problem if absent. */
        <T> T required(String key, Function<String, T> convert, String allowed) {
            if (absent(key)) {
                if (readable) {
                    problem(key, "is required", allowed);
                }
                return null;
            }
            return convert(node.get(key), path(key), convert, allowed);
        }

        /** The converted value, or {@code fallback} if absent (or invalid, reported). */
        <T> T optional(String key, T fallback, Function<String, T> convert, String allowed) {
            if (absent(key)) {
                return fallback;
            }
            T value = convert(node.get(key), path(key), convert, allowed);
            return value == null ? fallback : value;
        }

        /** The valid elements, in order, or {@code fallback} if absent. */
        <T> List<T> list(String key, List<T> fallback, Function<String, T> convert, String allowed) {
            return list(key, fallback, convert, allowed, true);
        }

        /** Like {@link #list} but an empty list is a problem, and so is an absent one when {@code fallback} is null. */
        <T> List<T> nonEmptyList(String key, List<T> fallback, Function<String, T> convert, String allowed) {
            return list(key, fallback, convert, allowed, false);
        }

        private <T> List<T> list(String key, List<T> fallback, Function<String, T> convert, String allowed, boolean mayBeEmpty) {
            if (absent(key)) {
                if (fallback == null && readable) {
                    problem(key, "is required", allowed);
                }
                return fallback;
            }
            JsonNode list = list(key, allowed);
            if (list == null) {
                return fallback;
            }
            if (list.isEmpty() && !mayBeEmpty) {
                problem(key, "must not be empty", allowed);
            }
            List<T> values = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                T value = convert(list.get(i), path(key) + "[" + i + "]", convert, allowed);
                if (value != null) {
                    values.add(value);
                }
            }
            return List.copyOf(values);
        }

        /** A free-form mapping whose keys are data (channel names, SKUs...), values converted; empty if absent. */
        <T> Map<String, T> map(String key, Function<String, T> convert, String allowed) {
            Section entries = child(key, null);
            Map<String, T> values = new LinkedHashMap<>();
            for (String entry : entries.keys()) {
                if (entries.absent(entry)) {
                    entries.problem(entry, "has no value", allowed);
                    continue;
                }
                T value = entries.required(entry, convert, allowed);
                if (value != null) {
                    values.put(entry, value);
                }
            }
            return Collections.unmodifiableMap(values);
        }

        /**
         * A mapping of secrets, each of which must be exactly one {@code ${VAR}} reference, so that no secret is
         * ever committed with the file. Problems never quote a literal value: it may be the secret.
         */
        Map<String, String> references(String key) {
            Section entries = child(key, null);
            Map<String, String> values = new LinkedHashMap<>();
            for (String entry : entries.keys()) {
                JsonNode value = entries.node.get(entry);
                String path = entries.path(entry);
                Matcher reference = REFERENCE.matcher(value.isTextual() ? value.asText() : "");
                if (!reference.matches()) {
                    ConfigReader.this.problem(path, CREDENTIALS_MUST_BE_REFERENCES, "a reference such as ${SHOPIFY_TOKEN}");
                    continue;
                }
                String secret = interpolate(value.asText(), path);
                if (secret != null && secret.isEmpty()) {
                    ConfigReader.this.problem(path, "environment variable " + reference.group(1) + " is empty", "a variable holding the secret");
                } else if (secret != null) {
                    values.put(entry, secret);
                }
            }
            return Collections.unmodifiableMap(values);
        }

        private Section child(String key, List<String> keys) {
            return readable ? ConfigReader.this.section(node(key), path(key), keys) : unreadable(path(key));
        }

        private List<String> keys() {
            List<String> names = new ArrayList<>();
            if (node != null) {
                node.fieldNames().forEachRemaining(names::add);
            }
            return names;
        }

        private JsonNode node(String key) {
            return node == null ? null : node.get(key);
        }

        private JsonNode list(String key, String allowed) {
            JsonNode list = node(key);
            if (list == null || list.isNull()) {
                return null;
            }
            if (!list.isArray()) {
                problem(key, "must be a list", allowed);
                return null;
            }
            return list;
        }

        private boolean absent(String key) {
            JsonNode value = node(key);
            return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
        }

        private <T> T convert(JsonNode value, String path, Function<String, T> convert, String allowed) {
            if (value.isNull()) {
                ConfigReader.this.problem(path, "is empty", allowed);
                return null;
            }
            String text = scalar(value, path, allowed);
            if (text == null) {
                return null;
            }
            try {
                return convert.apply(text);
            } catch (Rejected rejected) {
                ConfigReader.this.problem(path, rejected.getMessage(), allowed);
                return null;
            }
        }
    }
}
