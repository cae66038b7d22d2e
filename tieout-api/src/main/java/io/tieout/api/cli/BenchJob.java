package io.tieout.api.cli;

import java.io.PrintWriter;

/** {@code tieout bench ...}: performance runs. Throw to fail the run (exit code 1; the message is printed). */
@FunctionalInterface
public interface BenchJob {
    /** {@code tieout bench transform}: times the transform over a synthetic data set. */
    void transform(BenchTransformOptions options, PrintWriter out) throws Exception;
}
