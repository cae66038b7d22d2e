package io.tieout.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.config.TieoutConfig;
import io.tieout.sandbox.bigcommerce.BigCommerceQuota;
import io.tieout.sandbox.bigcommerce.BigCommerceSimulator;
import io.tieout.sandbox.intacct.IntacctCredentials;
import io.tieout.sandbox.intacct.IntacctSimulator;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.shopify.ShopifySimulator;
import io.tieout.sandbox.shopify.ShopifyThrottle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo company's source systems, simulated on loopback: Shopify's GraphQL API, BigCommerce's
 * V2/V3 API, Intacct's XML gateway, each serving the scenario's records with the credentials of the
 * config, plus the manual FX rates file. {@link #config()} is the config pointed at them.
 * Limits are those of the plans the demo company is on (Shopify Plus, a BigCommerce Enterprise
 * quota), so the demo's extract takes about a minute; throttling itself is proven by the connectors'
 * tests.
 */
public final class DemoSimulators implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> running = new ArrayList<>();
    private final java.util.Map<String, io.tieout.sandbox.sim.FaultPlan> faults = new java.util.LinkedHashMap<>();
    private final TieoutConfig config;

    private DemoSimulators(Scenario scenario, TieoutConfig original) {
        List<TieoutConfig.Source> sources = new ArrayList<>();
        try {
            for (TieoutConfig.Source s : original.sources()) sources.add(start(scenario, s));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        config = new TieoutConfig(original.company(), original.reporting(), original.alerts(), original.revenueAccounts(),
                original.mapping(), original.warehouse(), List.copyOf(sources), original.api());
    }

    public static DemoSimulators start(Scenario scenario, TieoutConfig config) {
        return new DemoSimulators(scenario, config);
    }

    public TieoutConfig config() { return config; }

    /** The fault plan of the simulator serving {@code source} (tests inject HTTP faults through it). */
    public io.tieout.sandbox.sim.FaultPlan faults(String source) {
        io.tieout.sandbox.sim.FaultPlan f = faults.get(source);
        if (f == null) throw new IllegalArgumentException("no simulator serves " + source + "; simulated: " + faults.keySet());
        return f;
    }

    private TieoutConfig.Source start(Scenario scenario, TieoutConfig.Source s) {
        List<SourceRecord> records = scenario.records().stream().filter(r -> r.source().equals(s.name())).toList();
        return switch (s.type()) {
            case SHOPIFY -> {
                // Shopify Plus (the demo's D2C store): 1,000 points a second.
                ShopifySimulator sim = ShopifySimulator.start(0, records, s.credentials().get("accessToken"),
                        ShopifyThrottle.of(10_000, 1_000, java.time.Clock.systemUTC()));
                running.add(sim);
                faults.put(s.name(), sim.faults());
                yield at(s, sim.baseUrl());
            }
            case BIGCOMMERCE -> {
                BigCommerceSimulator sim = BigCommerceSimulator.start(0, records, s.storeHash(),
                        s.credentials().get("authToken"), BigCommerceQuota.generous());
                running.add(sim);
                faults.put(s.name(), sim.faults());
                yield at(s, sim.baseUrl());
            }
            case INTACCT -> {
                IntacctSimulator sim = IntacctSimulator.start(0, records, new IntacctCredentials(
                        s.credentials().get("senderId"), s.credentials().get("senderPassword"), s.credentials().get("userId"),
                        s.credentials().get("userPassword"), s.credentials().get("companyId")));
                running.add(sim);
                faults.put(s.name(), sim.faults());
                yield at(s, sim.baseUrl());
            }
            case FX -> {
                if (s.ratesFile() == null) throw new IllegalArgumentException("the demo's fx source must name a ratesFile");
                writeRates(records, s.ratesFile());
                yield s;
            }
            case SYNCLOG -> s;
        };
    }

    private static TieoutConfig.Source at(TieoutConfig.Source s, String baseUrl) {
        return new TieoutConfig.Source(s.name(), s.type(), baseUrl, s.credentials(), s.channel(), s.storefront(), s.entity(),
                s.storeHash(), s.ratesFile());
    }

    /** The scenario's rates as the manual rates file a controller would keep: date,from,to,rate. */
    static void writeRates(List<SourceRecord> rates, Path file) {
        StringBuilder csv = new StringBuilder("date,from,to,rate\n");
        try {
            for (SourceRecord r : rates) {
                JsonNode n = JSON.readTree(r.payload());
                csv.append(n.get("date").asText()).append(',').append(n.get("from").asText()).append(',')
                        .append(n.get("to").asText()).append(',').append(n.get("rate").asText()).append('\n');
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's rates file " + file, e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping a loopback simulator cannot fail in a way worth reporting
            }
        }
        running.clear();
    }
}
