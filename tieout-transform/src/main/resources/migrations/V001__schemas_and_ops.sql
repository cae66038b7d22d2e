-- Layers of the warehouse, one schema each (dbt style: only staging reads raw).
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS intermediate;
CREATE SCHEMA IF NOT EXISTS marts;
CREATE SCHEMA IF NOT EXISTS ops;

-- Every record any connector returned, newest version per key. Payload is the source's own JSON.
CREATE TABLE raw.records (
    source     VARCHAR     NOT NULL,
    object     VARCHAR     NOT NULL,
    id         VARCHAR     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    payload    VARCHAR     NOT NULL,
    landed_at  TIMESTAMPTZ NOT NULL,
    run_id     VARCHAR     NOT NULL,
    PRIMARY KEY (source, object, id)
);

-- Records a staging model could not parse: kept whole, with the reason, never silently dropped.
CREATE TABLE ops.quarantine (
    source     VARCHAR     NOT NULL,
    object     VARCHAR     NOT NULL,
    id         VARCHAR     NOT NULL,
    model      VARCHAR     NOT NULL,
    reason     VARCHAR     NOT NULL,
    payload    VARCHAR     NOT NULL,
    run_id     VARCHAR     NOT NULL,
    found_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, object, id, model)
);

CREATE TABLE ops.runs (
    run_id        VARCHAR     PRIMARY KEY,
    kind          VARCHAR     NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    as_of         TIMESTAMPTZ,
    period_from   DATE,
    period_to     DATE,
    status        VARCHAR     NOT NULL,
    message       VARCHAR,
    quarantined   BIGINT
);

CREATE TABLE ops.model_runs (
    run_id      VARCHAR NOT NULL,
    model       VARCHAR NOT NULL,
    seq         INTEGER NOT NULL,
    row_count   BIGINT  NOT NULL,
    millis      BIGINT  NOT NULL,
    PRIMARY KEY (run_id, model)
);

-- API tokens: only a SHA-256 hash of each token is kept.
CREATE TABLE ops.api_tokens (
    token_hash  VARCHAR     PRIMARY KEY,
    token_id    VARCHAR     NOT NULL UNIQUE,
    role        VARCHAR     NOT NULL,
    label       VARCHAR     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
