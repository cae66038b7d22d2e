package io.tieout.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** {@code tieout run} and {@code tieout serve}. Throw to fail (exit code 1, the message printed). */
public interface RunJob {
    /** One incremental run of every configured source, then the transform; asOf null = now. */
    void run(Path config, Instant asOf, PrintWriter out) throws Exception;

    /** The API over the config's warehouse, running every {@code every} (null = only on request). */
    void serve(Path config, int port, Duration every, PrintWriter out) throws Exception;
}
