-- Alerts: one row per breach (rule + scope); open while firing or acknowledged, closed when resolved.
CREATE SEQUENCE ops.alert_ids START 1;
CREATE TABLE ops.alerts (
    id               BIGINT        PRIMARY KEY DEFAULT nextval('ops.alert_ids'),
    rule             VARCHAR       NOT NULL,
    scope            VARCHAR       NOT NULL,
    state            VARCHAR       NOT NULL CHECK (state IN ('firing', 'resolved', 'acknowledged')),
    opened_at        TIMESTAMPTZ   NOT NULL,
    resolved_at      TIMESTAMPTZ,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  VARCHAR,
    last_value       DECIMAL(18,4),
    threshold        DECIMAL(18,4),
    period_from      DATE,
    period_to        DATE,
    run_id           VARCHAR,
    message          VARCHAR
);

-- Every transition of an alert, in order: fired, still_firing (value moved), acknowledged, resolved.
CREATE SEQUENCE ops.alert_event_ids START 1;
CREATE TABLE ops.alert_events (
    id          BIGINT        PRIMARY KEY DEFAULT nextval('ops.alert_event_ids'),
    alert_id    BIGINT        NOT NULL,
    event       VARCHAR       NOT NULL,
    event_at    TIMESTAMPTZ   NOT NULL,
    value       DECIMAL(18,4),
    threshold   DECIMAL(18,4),
    run_id      VARCHAR,
    actor       VARCHAR
);

-- Every webhook delivery attempt: status code or error, never thrown into a run.
CREATE SEQUENCE ops.alert_delivery_ids START 1;
CREATE TABLE ops.alert_deliveries (
    id           BIGINT        PRIMARY KEY DEFAULT nextval('ops.alert_delivery_ids'),
    alert_id     BIGINT        NOT NULL,
    event        VARCHAR       NOT NULL,
    attempt      INTEGER       NOT NULL,
    attempted_at TIMESTAMPTZ   NOT NULL,
    url          VARCHAR       NOT NULL,
    status_code  INTEGER,
    error        VARCHAR,
    succeeded    BOOLEAN       NOT NULL
);
