package io.tieout.cards.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One breach of one rule in one scope (ops.alerts). Open while firing or acknowledged. */
public record Alert(long id, String rule, String scope, AlertState state, Instant openedAt, Instant resolvedAt,
                    Instant acknowledgedAt, String acknowledgedBy, BigDecimal lastValue, BigDecimal threshold,
                    LocalDate periodFrom, LocalDate periodTo, String runId, String message) {

    public boolean isOpen() { return state != AlertState.RESOLVED; }

    public record Event(long id, long alertId, String event, Instant at, BigDecimal value, BigDecimal threshold, String runId,
                        String actor) {}

    public record Delivery(long id, long alertId, String event, int attempt, Instant attemptedAt, String url, Integer statusCode,
                           String error, boolean succeeded) {}
}
