package io.tieout.api.cli;

import java.io.PrintWriter;

/** {@code tieout bench ...}: performance runs. Throw to fail the run (exit code 1; the message is printed). */
@FunctionalInterface
public interface BenchJob {
    /** {@code tieout bench transform}: times the transform over a synthetic data set. */
    void transform(BenchTransformOptions options, PrintWriter out) throws Exception;

    /** {@code tieout bench landing}: the landing sink's records/s against DuckDB's own bulk JSON read. */
    default void landing(int records, PrintWriter out) throws Exception {
        throw new UnsupportedOperationException("bench landing is not part of this wiring");
    }

    /** {@code tieout bench extract}: extraction throughput against a rate-limited simulator, as a ratio of its limit. */
    default void extract(int orders, PrintWriter out) throws Exception {
        throw new UnsupportedOperationException("bench extract is not part of this wiring");
    }
}
