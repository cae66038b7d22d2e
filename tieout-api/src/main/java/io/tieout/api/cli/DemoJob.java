package io.tieout.api.cli;

import java.io.PrintWriter;

/**
 * {@code tieout demo}: builds the demo warehouse (sandbox sources, full pipeline) and, unless
 * --no-serve, serves the API. Throw to fail the run (exit code 1; the message is printed).
 */
@FunctionalInterface
public interface DemoJob {
    void run(DemoOptions options, PrintWriter out) throws Exception;
}
