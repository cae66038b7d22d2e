package io.tieout.transform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Model> byName = new LinkedHashMap<>();
        for (String path : read("models/index.txt").lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String name = path.substring(path.lastIndexOf('/') + 1).replace(".sql", "");
            byName.put(name, Model.parse(name, read("models/" + path)));
        }
        return new ModelCatalog(topological(byName));
    }

    public List<Model> models() { return ordered; }

    public List<Model> periodScoped() {
        return ordered.stream().filter(Model::periodScoped).toList();
    }

    static List<Model> topological(Map<String, Model> byName) {
        List<Model> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (Model m : byName.values()) visit(m, byName, state, out, new ArrayList<>());
        return out;
    }

    private static void visit(Model m, Map<String, Model> byName, Map<String, Integer> state, List<Model> out, List<String> path) {
        Integer s = state.get(m.name());
        if (s != null && s == 2) return;
        path.add(m.name());
        if (s != null) throw new IllegalStateException("models ref each other in a cycle: " + String.join(" -> ", path));
        state.put(m.name(), 1);
        for (String ref : m.refs()) {
            Model dep = byName.get(ref);
            if (dep == null) throw new IllegalStateException("model " + m.name() + " refs unknown model " + ref);
            visit(dep, byName, state, out, path);
        }
        state.put(m.name(), 2);
        path.remove(path.size() - 1);
        out.add(m);
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
