package io.tieout.cards.alerts;

import io.tieout.cards.BadParameterException;
import io.tieout.cards.Period;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertStoreTest {
    @TempDir Path dir;
    DuckDbWarehouse wh;
    AlertStore store;
    static final Period P = new Period(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-05-01"));

    @BeforeEach
    void open() {
        wh = DuckDbWarehouse.open(dir.resolve("alerts.duckdb"));
        store = new AlertStore(wh, Clock.fixed(Instant.parse("2026-05-02T04:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() { wh.close(); }

    private Optional<AlertStore.Transition> run(boolean breached, String value) {
        return store.observe(new AlertStore.Observation("gap_threshold", "company", breached, new BigDecimal(value), new BigDecimal("5.00"),
                P, "run", "gap"));
    }

    @Test
    void firesOnceStaysFiringResolvesAndFiresAgainOnTheNextBreach() {
        assertThat(run(false, "4.22")).isEmpty();
        assertThat(store.list(null)).isEmpty();

        AlertStore.Transition fired = run(true, "6.10").orElseThrow();
        assertThat(fired.change()).isEqualTo(AlertStore.Change.FIRED);
        assertThat(fired.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(fired.alert().openedAt()).isEqualTo(Instant.parse("2026-05-02T04:00:00Z"));

        assertThat(run(true, "7.00")).as("a breach that goes on does not fire again").isEmpty();
        assertThat(store.list(null)).hasSize(1);
        assertThat(store.list(AlertState.FIRING)).singleElement().satisfies(a -> assertThat(a.lastValue()).isEqualByComparingTo("7.00"));

        AlertStore.Transition resolved = run(false, "3.00").orElseThrow();
        assertThat(resolved.change()).isEqualTo(AlertStore.Change.RESOLVED);
        assertThat(resolved.alert().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.alert().resolvedAt()).isNotNull();
        assertThat(run(false, "2.00")).isEmpty();

        AlertStore.Transition again = run(true, "8.00").orElseThrow();
        assertThat(again.alert().id()).isNotEqualTo(fired.alert().id());
        assertThat(store.list(AlertState.RESOLVED)).extracting(Alert::id).containsExactly(fired.alert().id());
        assertThat(store.list(AlertState.FIRING)).extracting(Alert::id).containsExactly(again.alert().id());
        assertThat(store.history(fired.alert().id())).extracting(Alert.Event::event).containsExactly("fired", "still_firing", "resolved");
    }

    @Test
    void acknowledgeKeepsTheAlertOpenAndQuietUntilItResolves() {
        long id = run(true, "6.00").orElseThrow().alert().id();
        Alert ack = store.acknowledge(id, "controller@vortex");
        assertThat(ack.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(ack.acknowledgedBy()).isEqualTo("controller@vortex");
        assertThat(ack.acknowledgedAt()).isNotNull();
        assertThat(store.acknowledge(id, "someone else").acknowledgedBy()).isEqualTo("controller@vortex");

        assertThat(run(true, "6.50")).as("acknowledged: still open, no new alert").isEmpty();
        assertThat(store.list(null)).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED));
        assertThat(store.list(AlertState.FIRING)).isEmpty();

        assertThat(run(false, "1.00")).hasValueSatisfying(t -> assertThat(t.change()).isEqualTo(AlertStore.Change.RESOLVED));
        assertThat(store.get(id)).hasValueSatisfying(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
        assertThat(store.history(id)).extracting(Alert.Event::event).containsExactly("fired", "acknowledged", "still_firing", "resolved");
        assertThatThrownBy(() -> store.acknowledge(id, "x")).isInstanceOf(BadParameterException.class).hasMessageContaining("resolved");
        assertThatThrownBy(() -> store.acknowledge(999, "x")).isInstanceOf(BadParameterException.class);
        assertThat(run(true, "9.00")).hasValueSatisfying(t -> assertThat(t.change()).isEqualTo(AlertStore.Change.FIRED));
    }

    @Test
    void scopesAreIndependent() {
        run(true, "6.00");
        assertThat(store.observe(new AlertStore.Observation("gap_threshold", "entity:VDI-CA", true, BigDecimal.TEN, BigDecimal.ONE, P, "r", null)))
                .isPresent();
        assertThat(store.list(AlertState.FIRING)).hasSize(2);
    }
}
