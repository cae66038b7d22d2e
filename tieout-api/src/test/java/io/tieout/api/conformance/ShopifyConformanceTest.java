package io.tieout.api.conformance;

import io.tieout.extract.SourceConnector;
import io.tieout.extract.shopify.ShopifyConfig;
import io.tieout.extract.shopify.ShopifyConnector;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.CompanySettings;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.shopify.ShopifySimulator;
import io.tieout.sandbox.shopify.ShopifyThrottle;
import io.tieout.sandbox.sim.FaultPlan;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The conformance suite against the Shopify connector and the Shopify Admin GraphQL simulator. */
class ShopifyConformanceTest extends CommerceConnectorConformanceTest {
    static final String TOKEN = "shpat_conformance";

    @Override
    protected CommerceOrder.Platform platform() { return CommerceOrder.Platform.SHOPIFY; }

    @Override
    protected Store start(List<SourceRecord> records) {
        ShopifySimulator sim = ShopifySimulator.start(0, records, TOKEN, ShopifyThrottle.of(10_000, 1_000, Clock.systemUTC()));
        return new Store() {
            @Override public String baseUrl() { return sim.baseUrl(); }

            @Override public FaultPlan faults() { return sim.faults(); }

            @Override public void put(List<SourceRecord> rs) {
                rs.stream().sorted(Comparator.comparing(SourceRecord::updatedAt)).forEach(sim::put);
            }

            @Override public void delete(CommerceOrder o, Instant at) {
                throw new UnsupportedOperationException("opted out: see hasBehavior");
            }

            @Override public void close() { sim.close(); }
        };
    }

    @Override
    protected SourceConnector connector(Store store, int pageSize) {
        return new ShopifyConnector(ShopifyConfig.of(CompanySettings.vortex().shopifySource(), store.baseUrl(), TOKEN)
                .withPageSize(Math.min(pageSize, ShopifyConfig.MAX_PAGE_SIZE)));
    }

    @Override
    protected boolean hasBehavior(Behavior behavior) {
        return switch (behavior) {
            case TEST_ORDERS -> true;
            // Shopify deletes only cancelled or archived orders, and a deleted order simply vanishes from the
            // orders connection (no tombstone, no deleted_at filter); the simulator models no deletion, and
            // what a connector can see of it, the cancellation before it, is covered by the cancellation case.
            case DELETED_ORDERS -> false;
        };
    }
}
