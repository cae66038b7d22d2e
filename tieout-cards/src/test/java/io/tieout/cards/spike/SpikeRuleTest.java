package io.tieout.cards.spike;

import io.tieout.cards.BadParameterException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpikeRuleTest {
    private static List<BigDecimal> values(String... v) { return java.util.Arrays.stream(v).map(BigDecimal::new).toList(); }

    @Test
    void meanPlusThreeSigma() {
        // mean 2, population variance ((1+1+0+0+1+1+0+0)/8) = 0.5, sigma 0.7071..., threshold 2 + 3 x 0.70710678 = 4.1213
        SpikeRule.Baseline b = SpikeRule.DEFAULT.baseline(values("1", "3", "2", "2", "1", "3", "2", "2"));
        assertThat(b.mean()).isEqualByComparingTo("2.0000");
        assertThat(b.sigma()).isEqualByComparingTo("0.7071");
        assertThat(b.threshold()).isEqualByComparingTo("4.1213");
        assertThat(SpikeRule.DEFAULT.fires(new BigDecimal("4.13"), b)).isTrue();
        assertThat(SpikeRule.DEFAULT.fires(new BigDecimal("4.12"), b)).isFalse();
    }

    @Test
    void twiceTheMedian() {
        SpikeRule rule = SpikeRule.medianMultiple(new BigDecimal("2"));
        SpikeRule.Baseline b = rule.baseline(values("1", "9", "2", "3", "2", "4", "100", "2"));
        assertThat(b.median()).isEqualByComparingTo("2.5");
        assertThat(b.threshold()).isEqualByComparingTo("5.0000");
        assertThat(rule.fires(new BigDecimal("5.01"), b)).isTrue();
        assertThat(rule.fires(new BigDecimal("5.00"), b)).isFalse();
        assertThat(rule.baseline(values("-1", "-2", "-3", "-1", "-1", "-1", "-2")).threshold()).isEqualByComparingTo("-1");
    }

    @Test
    void tooFewBaselineDaysAreNotEvaluated() {
        assertThat(SpikeRule.DEFAULT.baseline(values("1", "2", "3"))).isNull();
        assertThat(SpikeRule.DEFAULT.fires(new BigDecimal("99"), null)).isFalse();
        assertThatThrownBy(() -> SpikeRule.Kind.fromId("max")).isInstanceOf(BadParameterException.class).hasMessageContaining("median_multiple");
    }
}
