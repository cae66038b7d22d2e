package io.tieout.api.cli;

import java.util.Locale;

/** How {@code tieout card} prints: an aligned table, the API's JSON, or the API's CSV. */
enum CliFormat {
    TABLE, JSON, CSV;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
