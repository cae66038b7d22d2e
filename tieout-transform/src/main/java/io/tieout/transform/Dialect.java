package io.tieout.transform;

import java.util.List;

/**
 * The few places where the engines' SQL differs, behind named macros that model files call as
 * {@code {{ name(arg, ...) }}}. Everything else in a model is the portable subset both engines share.
 */
public interface Dialect {
    /** Expands one macro call; {@code args} are SQL fragments as written in the model. */
    String expand(String macro, List<String> args);

    /** The schema-qualified name a model's table has on this engine. */
    String qualified(String schema, String table);
}
