package io.tieout.extract.shopify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The verbatim text of the values at a path in a JSON document, so a node lands exactly as Shopify
 * sent it (no re-serialisation: decimals, key order and escapes stay as they were).
 */
final class RawJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RawJson() {}

    /** Path elements are field names, or {@code *} for every element of an array. */
    static List<String> values(String json, String... path) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) return out;
            descend(p, json, path, 0, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        return out;
    }

    private static void descend(JsonParser p, String json, String[] path, int i, List<String> out) throws IOException {
        JsonToken t = p.currentToken();
        if (i == path.length) {
            int start = (int) p.currentTokenLocation().getCharOffset();
            if (t.isStructStart()) p.skipChildren();
            else p.getText(); // finishes a lazily read string, so the location is past it
            int end = (int) p.currentLocation().getCharOffset();
            out.add(json.substring(start, end));
            return;
        }
        if (path[i].equals("*")) {
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) descend(p, json, path, i + 1, out);
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(path[i])) descend(p, json, path, i + 1, out);
            else p.skipChildren();
        }
    }
}
