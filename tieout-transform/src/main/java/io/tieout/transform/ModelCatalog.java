package io.tieout.transform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL models shipped on the class path ({@code models/index.txt} lists the files), in an order
 * where every model comes after the models it refs. Index order breaks ties, so runs are repeatable.
 */
public final class ModelCatalog {
    private final List<Model> ordered;

    private ModelCatalog(List<Model> ordered) {
        this.ordered = List.copyOf(ordered);
    }

    public static ModelCatalog fromClassPath() {
        return fromIndex(read("models/index.txt"), path -> read("models/" + path));
    }

    /** The catalog of an index (one model path a line, relative to models/), reading each file with {@code read}. */
    static ModelCatalog fromIndex(String index, Function<String, String> read) {
        Map<String, Model> byName = new LinkedHashMap<>();
        Map<String, String> pathOf = new HashMap<>();
        for (String path : index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String name = path.substring(path.lastIndexOf('/') + 1).replace(".sql", "");
            String earlier = pathOf.putIfAbsent(name, path);
            if (earlier != null) {
                throw new IllegalStateException("model " + name + " is listed twice in models/index.txt: " + earlier + " and " + path);
            }
            byName.put(name, Model.parse(name, read.apply(path)));
        }
        return new ModelCatalog(topological(byName));
    }

    /** A catalog of the given models, in index order. */
    static ModelCatalog of(List<Model> inIndexOrder) {
        Map<String, Model> byName = new LinkedHashMap<>();
        for (Model m : inIndexOrder) byName.put(m.name(), m);
        return new ModelCatalog(topological(byName));
    }

    public List<Model> models() { return ordered; }

    public List<Model> periodScoped() {
        return ordered.stream().filter(Model::periodScoped).toList();
    }

    /**
     * A stable topological order: repeatedly the earliest model in index order whose refs have all
     * been placed. A ref to an unknown model, or a cycle (reported with its path), is an error.
     */
    static List<Model> topological(Map<String, Model> byName) {
        for (Model m : byName.values()) {
            for (String ref : m.refs()) {
                if (!byName.containsKey(ref)) throw new IllegalStateException("model " + m.name() + " refs unknown model " + ref);
            }
        }
        List<Model> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Model> waiting = new ArrayList<>(byName.values());
        while (!waiting.isEmpty()) {
            Model next = null;
            for (Model m : waiting) {
                if (placed.containsAll(m.refs())) {
                    next = m;
                    break;
                }
            }
            if (next == null) throw new IllegalStateException("models ref each other in a cycle: " + cycle(waiting.get(0), byName, placed));
            waiting.remove(next);
            placed.add(next.name());
            out.add(next);
        }
        return out;
    }

    /** Follows unplaced refs from a model that cannot be placed until a model repeats: that loop is the cycle. */
    private static String cycle(Model start, Map<String, Model> byName, Set<String> placed) {
        List<String> path = new ArrayList<>();
        Model m = start;
        while (!path.contains(m.name())) {
            path.add(m.name());
            String unplaced = m.refs().stream().filter(r -> !placed.contains(r)).findFirst().orElseThrow();
            m = byName.get(unplaced);
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(m.name()), path.size()));
        loop.add(m.name());
        return String.join(" -> ", loop);
    }

    private static String read(String resource) {
        try (InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + resource);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append).toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
