package io.tieout.cards.alerts;

import io.tieout.cards.DemoFixture;
import io.tieout.cards.spike.SpikeRule;
import io.tieout.config.TieoutConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules on the demo (gap 4.22%): quiet at the 5% default, firing when the threshold drops under it. */
class AlertRulesTest {
    @Test
    void demoIsQuietAtFivePercentAndFiresOnceBelowIt() {
        TieoutConfig base = DemoFixture.config();
        AlertStore store = new AlertStore(DemoFixture.warehouse(), Clock.systemUTC());
        List<AlertStore.Transition> heard = new ArrayList<>();
        // a spike factor no demo day can exceed: only the gap rule is under test here
        SpikeRule calm = SpikeRule.meanPlusSigma(new BigDecimal("1000"));

        List<AlertStore.Transition> quiet = new AlertRules(DemoFixture.warehouse(), base, store, heard::add, calm).evaluate();
        assertThat(quiet).isEmpty();

        TieoutConfig strict = withAlerts(base, new TieoutConfig.Alerts(new BigDecimal("4.00"), Map.of("VDI-CA", new BigDecimal("50"))));
        AlertRules rules = new AlertRules(DemoFixture.warehouse(), strict, store, heard::add, calm);
        List<AlertStore.Transition> fired = rules.evaluate();
        assertThat(fired).extracting(t -> t.alert().scope()).contains("company").doesNotContain("entity:VDI-CA");
        assertThat(fired).filteredOn(t -> t.alert().scope().equals("company")).singleElement()
                .satisfies(t -> assertThat(t.alert().lastValue()).isEqualByComparingTo("4.22"));
        assertThat(heard).hasSameSizeAs(fired);

        assertThat(rules.evaluate()).as("the next run: still firing, no second alert").isEmpty();
        assertThat(new AlertRules(DemoFixture.warehouse(), base, store, heard::add, calm).evaluate())
                .extracting(AlertStore.Transition::change).containsOnly(AlertStore.Change.RESOLVED).hasSameSizeAs(fired);
        assertThat(store.list(AlertState.FIRING)).isEmpty();
    }

    @Test
    void aThrowingNotifierNeverFailsTheEvaluation() {
        TieoutConfig strict = withAlerts(DemoFixture.config(), new TieoutConfig.Alerts(new BigDecimal("0.50"), Map.of()));
        AlertStore store = new AlertStore(DemoFixture.warehouse(), Clock.systemUTC());
        AlertRules rules = new AlertRules(DemoFixture.warehouse(), strict, store, t -> { throw new IllegalStateException("boom"); },
                SpikeRule.meanPlusSigma(new BigDecimal("1000")));
        List<AlertStore.Transition> fired = rules.evaluate();
        assertThat(fired).isNotEmpty();
        assertThat(store.deliveries(fired.get(0).alert().id())).singleElement().satisfies(d -> assertThat(d.error()).contains("boom"));
        new AlertRules(DemoFixture.warehouse(), DemoFixture.config(), store, AlertNotifier.NONE, SpikeRule.meanPlusSigma(new BigDecimal("1000"))).evaluate();
    }

    static TieoutConfig withAlerts(TieoutConfig c, TieoutConfig.Alerts a) {
        return new TieoutConfig(c.company(), c.reporting(), a, c.revenueAccounts(), c.mapping(), c.warehouse(), c.sources(), c.api());
    }
}
