package io.tieout.extract.bigcommerce;

import io.tieout.sandbox.scenario.SourceRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A crash at any commit, then a re-run, leaves exactly what one clean run leaves. */
class BigCommerceCrashTest {
    static final Instant UPPER = Instant.parse("2026-05-20T00:00:00Z");

    @TestFactory
    Stream<DynamicTest> aCrashAtTheKthCommitThenAReRunEqualsOneCleanRun() {
        List<SourceRecord> store = new ArrayList<>(Store.orders(10, 2));
        for (long id = 1001; id <= 1008; id++) {
            store.add(Store.refundRecord(id, 2, Store.refund(id, 2, Store.T0.plus(Duration.ofDays(id - 1000)), "11.00")));
        }
        Rig rig = new Rig(store);
        rig.config(rig.config.withPageSize(3));
        rig.sim.archiveOrder("1009", Store.T0.plus(Duration.ofDays(2)));
        rig.sim.archiveOrder("1010", Store.T0.plus(Duration.ofDays(3)));

        InMemorySink clean = new InMemorySink();
        rig.run(clean, UPPER);
        int commits = clean.landCalls();
        assertThat(commits).as("orders, archived orders and refunds each take several pages").isGreaterThan(8);
        assertThat(clean.records()).isEqualTo(rig.expected());
        assertThat(clean.cursors()).containsOnlyKeys(Store.SOURCE + "/orders", Store.SOURCE + "/orders_deleted", Store.SOURCE + "/refunds");

        return IntStream.rangeClosed(1, commits).mapToObj(k -> DynamicTest.dynamicTest("crash at commit " + k + " of " + commits, () -> {
            InMemorySink sink = new InMemorySink().crashOnLand(k);
            assertThatThrownBy(() -> rig.run(sink, UPPER)).isInstanceOf(InMemorySink.SimulatedCrash.class);
            assertThat(sink.landCalls()).isEqualTo(k);

            rig.run(sink, UPPER);

            assertThat(sink.records()).isEqualTo(clean.records());
            assertThat(sink.cursors()).isEqualTo(clean.cursors());
            if (k == commits) rig.close();
        }));
    }
}
