package io.tieout.cards.alerts;

import io.tieout.cards.BadParameterException;
import io.tieout.cards.Period;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ops.alerts, ops.alert_events and ops.alert_deliveries (migration V003). One open alert (firing or
 * acknowledged) per rule + scope at most: a breach that goes on across runs updates it; the end of
 * the breach resolves it; the next breach opens a new one.
 */
public final class AlertStore {
    private static final String COLUMNS = "id, rule, scope, state, epoch_ms(opened_at), epoch_ms(resolved_at), epoch_ms(acknowledged_at), "
            + "acknowledged_by, last_value, threshold, period_from, period_to, run_id, message";

    private final DuckDbWarehouse warehouse;
    private final Clock clock;

    public AlertStore(DuckDbWarehouse warehouse, Clock clock) {
        this.warehouse = warehouse;
        this.clock = clock;
    }

    /** What a rule saw in one scope on one run. */
    public record Observation(String rule, String scope, boolean breached, BigDecimal value, BigDecimal threshold, Period period,
                              String runId, String message) {}

    public enum Change { FIRED, RESOLVED }

    /** An alert that changed state and should be delivered. */
    public record Transition(Change change, Alert alert) {}

    /** Applies one observation: fires (once per breach), updates an open alert, or resolves it. */
    public synchronized Optional<Transition> observe(Observation o) {
        Instant now = clock.instant();
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try {
                Alert open = openAlert(c, o.rule(), o.scope());
                Transition t = null;
                if (o.breached() && open == null) {
                    long id;
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops.alerts (rule, scope, state, opened_at, last_value, threshold, "
                            + "period_from, period_to, run_id, message) VALUES (?, ?, 'firing', ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                        ps.setString(1, o.rule());
                        ps.setString(2, o.scope());
                        ps.setObject(3, ts(now));
                        ps.setBigDecimal(4, o.value());
                        ps.setBigDecimal(5, o.threshold());
                        ps.setObject(6, o.period() == null ? null : o.period().from());
                        ps.setObject(7, o.period() == null ? null : o.period().to());
                        ps.setString(8, o.runId());
                        ps.setString(9, o.message());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            id = rs.getLong(1);
                        }
                    }
                    event(c, id, "fired", now, o.value(), o.threshold(), o.runId(), null);
                    t = new Transition(Change.FIRED, byId(c, id));
                } else if (o.breached()) {
                    update(c, "UPDATE ops.alerts SET last_value = ?, threshold = ?, run_id = ?, message = ?, period_from = ?, period_to = ? WHERE id = ?",
                            o, open.id());
                    event(c, open.id(), "still_firing", now, o.value(), o.threshold(), o.runId(), null);
                } else if (open != null) {
                    update(c, "UPDATE ops.alerts SET last_value = ?, threshold = ?, run_id = ?, message = ?, period_from = ?, period_to = ?, "
                            + "state = 'resolved' WHERE id = ?", o, open.id());
                    try (PreparedStatement ps = c.prepareStatement("UPDATE ops.alerts SET resolved_at = ? WHERE id = ?")) {
                        ps.setObject(1, ts(now));
                        ps.setLong(2, open.id());
                        ps.executeUpdate();
                    }
                    event(c, open.id(), "resolved", now, o.value(), o.threshold(), o.runId(), null);
                    t = new Transition(Change.RESOLVED, byId(c, open.id()));
                }
                c.commit();
                return Optional.ofNullable(t);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording alert " + o.rule() + " " + o.scope() + " failed: " + e.getMessage(), e);
        }
    }

    /** Alerts in the given state (null: all), newest first. */
    public List<Alert> list(AlertState state) {
        String sql = "SELECT " + COLUMNS + " FROM ops.alerts" + (state == null ? "" : " WHERE state = ?") + " ORDER BY id DESC";
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (state != null) ps.setString(1, state.id());
            return alerts(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("listing alerts failed: " + e.getMessage(), e);
        }
    }

    public Optional<Alert> get(long id) {
        try (Connection c = warehouse.connect()) {
            return Optional.ofNullable(byId(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Acknowledges an open alert: it stays open (a breach that goes on does not fire again) but is
     * quiet. Acknowledging an acknowledged alert changes nothing; a resolved one cannot be.
     */
    public synchronized Alert acknowledge(long id, String by) {
        if (by == null || by.isBlank()) throw new BadParameterException("by", "say who acknowledges the alert");
        try (Connection c = warehouse.connect()) {
            Alert a = byId(c, id);
            if (a == null) throw new BadParameterException("id", "no alert " + id);
            if (a.state() == AlertState.RESOLVED) throw new BadParameterException("id", "alert " + id + " is resolved; only firing alerts can be acknowledged");
            if (a.state() == AlertState.ACKNOWLEDGED) return a;
            Instant now = clock.instant();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ops.alerts SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ? WHERE id = ?")) {
                ps.setObject(1, ts(now));
                ps.setString(2, by);
                ps.setLong(3, id);
                ps.executeUpdate();
                event(c, id, "acknowledged", now, a.lastValue(), a.threshold(), null, by);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return byId(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("acknowledging alert " + id + " failed: " + e.getMessage(), e);
        }
    }

    public List<Alert.Event> history(long alertId) {
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, alert_id, event, epoch_ms(event_at), value, threshold, run_id, actor FROM ops.alert_events WHERE alert_id = ? ORDER BY id")) {
            ps.setLong(1, alertId);
            List<Alert.Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Alert.Event(rs.getLong(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records one delivery attempt; never throws (a delivery record must not fail a run either). */
    public void recordDelivery(long alertId, String event, int attempt, String url, Integer status, String error, boolean ok) {
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO ops.alert_deliveries "
                + "(alert_id, event, attempt, attempted_at, url, status_code, error, succeeded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, alertId);
            ps.setString(2, event);
            ps.setInt(3, attempt);
            ps.setObject(4, ts(clock.instant()));
            ps.setString(5, url);
            ps.setObject(6, status);
            ps.setString(7, error);
            ps.setBoolean(8, ok);
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            System.err.println("tieout: could not record the delivery of alert " + alertId + ": " + e.getMessage());
        }
    }

    public List<Alert.Delivery> deliveries(long alertId) {
        try (Connection c = warehouse.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, alert_id, event, attempt, "
                + "epoch_ms(attempted_at), url, status_code, error, succeeded FROM ops.alert_deliveries WHERE alert_id = ? ORDER BY id")) {
            ps.setLong(1, alertId);
            List<Alert.Delivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int code = rs.getInt(7);
                    Integer status = rs.wasNull() ? null : code;
                    out.add(new Alert.Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), Instant.ofEpochMilli(rs.getLong(5)),
                            rs.getString(6), status, rs.getString(8), rs.getBoolean(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Alert openAlert(Connection c, String rule, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ops.alerts WHERE rule = ? AND scope = ? "
                + "AND state <> 'resolved' ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, rule);
            ps.setString(2, scope);
            List<Alert> a = alerts(ps);
            return a.isEmpty() ? null : a.get(0);
        }
    }

    private static Alert byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ops.alerts WHERE id = ?")) {
            ps.setLong(1, id);
            List<Alert> a = alerts(ps);
            return a.isEmpty() ? null : a.get(0);
        }
    }

    private static void update(Connection c, String sql, Observation o, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBigDecimal(1, o.value());
            ps.setBigDecimal(2, o.threshold());
            ps.setString(3, o.runId());
            ps.setString(4, o.message());
            ps.setObject(5, o.period() == null ? null : o.period().from());
            ps.setObject(6, o.period() == null ? null : o.period().to());
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    private static void event(Connection c, long alertId, String event, Instant at, BigDecimal value, BigDecimal threshold,
                              String runId, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ops.alert_events (alert_id, event, event_at, value, threshold, run_id, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, alertId);
            ps.setString(2, event);
            ps.setObject(3, ts(at));
            ps.setBigDecimal(4, value);
            ps.setBigDecimal(5, threshold);
            ps.setString(6, runId);
            ps.setString(7, actor);
            ps.executeUpdate();
        }
    }

    private static List<Alert> alerts(PreparedStatement ps) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), AlertState.fromId(rs.getString(4)),
                        instant(rs, 5), instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        date(rs, 11), date(rs, 12), rs.getString(13), rs.getString(14)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) return null;
        if (v instanceof LocalDate d) return d;
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(v.toString());
    }

    private static OffsetDateTime ts(Instant i) { return i.atOffset(ZoneOffset.UTC); }
}
