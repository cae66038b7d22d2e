package io.tieout.config;

/**
 * One mistake in {@code tieout.yaml}.
 *
 * @param path    where it is, as a dotted path such as {@code sources[1].baseUrl}; empty for the file as a whole
 * @param problem what is wrong
 * @param allowed what would be accepted there, or null when there is nothing useful to suggest
 */
public record ConfigProblem(String path, String problem, String allowed) {

    /** One line, e.g. {@code reporting.timezone: 'America/Nwe_York' is not a time zone (allowed: ...)}. */
    public String describe() {
        String where = path.isEmpty() ? "" : path + ": ";
        String hint = allowed == null ? "" : " (allowed: " + allowed + ")";
        return where + problem + hint;
    }
}
