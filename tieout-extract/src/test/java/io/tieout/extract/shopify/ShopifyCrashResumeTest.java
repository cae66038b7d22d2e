package io.tieout.extract.shopify;

import io.tieout.extract.testing.InMemoryWarehouse;
import io.tieout.sandbox.scenario.CommerceOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyCrashResumeTest {
    private final ShopifyTestKit kit = new ShopifyTestKit();

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void aCrashAtAnyPageCommitThenARerunGivesExactlyTheRecordsAndCursorsOfOneCleanRun() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(47);
        kit.start(orders, kit.roomyBucket());
        ShopifyConnector connector = kit.connector(6);
        Instant upper = kit.upperAfterAll();
        InMemoryWarehouse clean = new InMemoryWarehouse();
        kit.run(connector, clean, "clean", upper);
        int commits = clean.landCalls();
        assertThat(commits).as("orders, refunds, customers and products pages").isGreaterThan(10);

        for (int k = 1; k <= commits; k++) {
            InMemoryWarehouse wh = new InMemoryWarehouse().failOnLandCall(k);
            int crashAt = k;
            assertThatThrownBy(() -> kit.run(connector, wh, "crashed-" + crashAt, upper))
                    .as("crash at commit %d", k).isInstanceOf(InMemoryWarehouse.SimulatedCrash.class);
            assertThat(wh.results()).as("commits before the crash at %d", k).hasSize(k - 1);

            kit.run(connector, wh, "rerun-" + k, upper);

            assertThat(wh.records()).as("records after a crash at commit %d and a rerun", k).isEqualTo(clean.records());
            assertThat(wh.cursors()).as("cursors after a crash at commit %d and a rerun", k).isEqualTo(clean.cursors());
        }
    }

    @Test
    void aCrashMidRunThenARerunWithALaterBoundAlsoPicksUpWhatChangedMeanwhile() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(30);
        kit.start(orders, kit.roomyBucket());
        ShopifyConnector connector = kit.connector(4);
        Instant upper1 = kit.upperAfterAll();
        InMemoryWarehouse wh = new InMemoryWarehouse().failOnLandCall(3);
        assertThatThrownBy(() -> kit.run(connector, wh, "run-1", upper1)).isInstanceOf(InMemoryWarehouse.SimulatedCrash.class);
        CommerceOrder early = orders.get(1); // already committed before the crash
        kit.put(kit.withUpdatedAt(early, upper1.plus(Duration.ofMinutes(20)), "VD-AFTER-CRASH"));

        kit.run(connector, wh, "run-2", upper1.plus(Duration.ofHours(1)));

        assertThat(wh.records(ShopifyTestKit.SOURCE, "orders")).hasSize(30);
        for (CommerceOrder o : kit.orders.values()) {
            assertThat(wh.record(ShopifyTestKit.SOURCE, "orders", o.id()).orElseThrow().payload()).isEqualTo(ShopifyTestKit.record(o).payload());
        }
    }
}
