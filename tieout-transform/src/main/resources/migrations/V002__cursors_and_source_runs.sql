-- Per-stream high-water marks, written in the same transaction as the batch that reached them.
CREATE TABLE ops.cursors (
    source      VARCHAR     NOT NULL,
    stream      VARCHAR     NOT NULL,
    cursor      VARCHAR     NOT NULL,
    run_id      VARCHAR     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, stream)
);

-- One row per source per run: the run log.
CREATE TABLE ops.source_runs (
    run_id        VARCHAR     NOT NULL,
    source        VARCHAR     NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR     NOT NULL,
    pages         BIGINT      NOT NULL,
    records       BIGINT      NOT NULL,
    quarantined   BIGINT      NOT NULL,
    retries       BIGINT      NOT NULL,
    throttled     BIGINT      NOT NULL,
    millis        BIGINT      NOT NULL,
    message       VARCHAR,
    PRIMARY KEY (run_id, source)
);
