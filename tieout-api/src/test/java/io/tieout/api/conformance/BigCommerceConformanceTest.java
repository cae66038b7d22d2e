package io.tieout.api.conformance;

import io.tieout.extract.SourceConnector;
import io.tieout.extract.bigcommerce.BigCommerceConfig;
import io.tieout.extract.bigcommerce.BigCommerceConnector;
import io.tieout.sandbox.bigcommerce.BigCommerceQuota;
import io.tieout.sandbox.bigcommerce.BigCommerceSimulator;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.CompanySettings;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.sim.FaultPlan;

import java.time.Instant;
import java.util.List;

/** The conformance suite against the BigCommerce connector and the BigCommerce V2/V3 simulator. */
class BigCommerceConformanceTest extends CommerceConnectorConformanceTest {
    static final String HASH = "vortexb2b";
    static final String TOKEN = "bc_conformance";

    @Override
    protected CommerceOrder.Platform platform() { return CommerceOrder.Platform.BIGCOMMERCE; }

    @Override
    protected Store start(List<SourceRecord> records) {
        BigCommerceSimulator sim = BigCommerceSimulator.start(0, records, HASH, TOKEN, BigCommerceQuota.generous());
        return new Store() {
            @Override public String baseUrl() { return sim.baseUrl(); }

            @Override public FaultPlan faults() { return sim.faults(); }

            @Override public void put(List<SourceRecord> rs) { rs.forEach(sim::put); }

            @Override public void delete(CommerceOrder o, Instant at) { sim.archiveOrder(o.id(), at); }

            @Override public void close() { sim.close(); }
        };
    }

    @Override
    protected SourceConnector connector(Store store, int pageSize) {
        return new BigCommerceConnector(new BigCommerceConfig(CompanySettings.vortex().bigcommerceSource(), store.baseUrl(), HASH, TOKEN)
                .withPageSize(pageSize));
    }

    @Override
    protected boolean hasBehavior(Behavior behavior) {
        return switch (behavior) {
            // BigCommerce V2 orders carry no test flag (a sandbox store's orders are all real to the API), so
            // there is nothing a connector or staging could exclude.
            case TEST_ORDERS -> false;
            case DELETED_ORDERS -> true;
        };
    }
}
