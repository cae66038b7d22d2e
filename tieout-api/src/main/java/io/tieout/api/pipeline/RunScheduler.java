package io.tieout.api.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the pipeline in the background, one run at a time (DuckDB has one writer, and two runs would
 * race for the same cursors): on request (POST /api/v1/runs) and, if configured, on a schedule.
 */
public final class RunScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunScheduler.class);

    private final PipelineRun pipeline;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tieout-runs");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();

    public RunScheduler(PipelineRun pipeline) {
        this.pipeline = pipeline;
    }

    /** Starts a run now unless one is running; returns its id. */
    public Optional<String> startNow() {
        if (!running.compareAndSet(false, true)) return Optional.empty();
        String runId = PipelineRun.newRunId();
        executor.execute(() -> runOnce(runId));
        return Optional.of(runId);
    }

    public void every(Duration interval) {
        executor.scheduleWithFixedDelay(() -> {
            if (running.compareAndSet(false, true)) runOnce(PipelineRun.newRunId());
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() { return running.get(); }

    private void runOnce(String runId) {
        StringWriter progress = new StringWriter();
        try {
            PipelineRun.Result r = pipeline.run(runId, null, new PrintWriter(progress));
            log.info("run {} {}", runId, r.succeeded() ? "succeeded" : "failed: " + String.join("; ", r.failures()));
        } catch (RuntimeException e) {
            log.error("run {} failed unexpectedly", runId, e);
        } finally {
            running.set(false);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
