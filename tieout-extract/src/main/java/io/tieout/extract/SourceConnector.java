package io.tieout.extract;

/**
 * One configured source system. A connector pages through the real API, lands each page through
 * {@link ExtractContext#commit} with its stream's cursor, and knows nothing of engines or SQL.
 */
public interface SourceConnector {
    /** The configured source name its records land under. */
    String source();

    void extract(ExtractContext context);
}
