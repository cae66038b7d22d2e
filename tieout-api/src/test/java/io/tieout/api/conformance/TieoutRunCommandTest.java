package io.tieout.api.conformance;

import io.tieout.api.cli.CliWiring;
import io.tieout.api.cli.TieoutCli;
import io.tieout.api.demo.DemoSimulators;
import io.tieout.api.pipeline.PipelineRunJob;
import io.tieout.api.pipeline.SourceConnectors;
import io.tieout.config.ConfigLoader;
import io.tieout.config.TieoutConfig;
import io.tieout.sandbox.scenario.Scenario;
import io.tieout.sandbox.scenario.SyntheticCompany;
import io.tieout.transform.ScenarioWarehouse;
import io.tieout.warehouse.duckdb.DuckDbWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tieout run} itself: the CLI with the production RunJob ({@link PipelineRunJob} over
 * {@link SourceConnectors}) against a config file pointing at simulators, as a merchant runs it.
 * Credentials must be ${ENV} references, so the config names an environment variable every process
 * has (PATH) and the simulators are started expecting its value.
 */
class TieoutRunCommandTest {
    static final String SECRET_VAR = "PATH";

    @TempDir Path dir;

    @Test
    void runExtractsEverySourceTransformsAndPrintsCAndG() throws Exception {
        Scenario company = SyntheticCompany.generate(7, 60, SyntheticCompany.Options.all());
        String secret = System.getenv(SECRET_VAR);
        try (DemoSimulators sims = DemoSimulators.start(company, config(dir, Map.of(), secret))) {
            Path file = writeConfig(dir, sims.config(), null);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = TieoutCli.execute(cli(), new PrintWriter(out, true), new PrintWriter(err, true),
                    "run", "--config", file.toString(), "--as-of", company.asOf().toString());
            assertThat(code).as("stderr: %s", err).isEqualTo(TieoutCli.EXIT_OK);
            assertThat(out.toString()).contains("C " + company.truth().commerceRevenue().toPlainString() + ",")
                    .contains("G " + company.truth().glRevenue().toPlainString() + ",")
                    .contains("succeeded");
        }
    }

    @Test
    void aSourceWithBadCredentialsFailsTheRunWithItsNameAndLogsIt() throws Exception {
        Scenario company = SyntheticCompany.generate(7, 30, SyntheticCompany.Options.all());
        String secret = System.getenv(SECRET_VAR);
        try (DemoSimulators sims = DemoSimulators.start(company, config(dir, Map.of(), secret))) {
            // The Shopify token the config resolves to is not the one the store expects.
            Path file = writeConfig(dir, sims.config(), "shopify-d2c");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = TieoutCli.execute(cli(), new PrintWriter(out, true), new PrintWriter(err, true),
                    "run", "--config", file.toString(), "--as-of", company.asOf().toString());
            assertThat(code).isEqualTo(TieoutCli.EXIT_FAILURE);
            assertThat(err.toString()).contains("run").contains("failed").contains("shopify-d2c");
            try (DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("tieout.duckdb"))) {
                assertThat(Warehouses.rows(wh, "SELECT source, status FROM ops.source_runs ORDER BY source"))
                        .contains("shopify-d2c | failed", "bigcommerce-b2b | succeeded", "intacct | succeeded");
                assertThat(Warehouses.one(wh, "SELECT message FROM ops.source_runs WHERE source = 'shopify-d2c'")).isNotBlank();
            }
        }
    }

    static CliWiring cli() {
        return new CliWiring((o, w) -> { throw new UnsupportedOperationException(); }, (o, w) -> { throw new UnsupportedOperationException(); },
                c -> { throw new UnsupportedOperationException(); },
                new PipelineRunJob(cfg -> new SourceConnectors(cfg.reporting().currency())));
    }

    /** The config the simulators start from: every credential is the secret. */
    static TieoutConfig config(Path dir, Map<String, String> baseUrls, String secret) {
        return ConfigLoader.parse(yaml(baseUrls, null), name -> secret, dir);
    }

    /** Writes tieout.yaml pointing at the running simulators; {@code wrongTokenFor} gets a reference to another variable. */
    static Path writeConfig(Path dir, TieoutConfig running, String wrongTokenFor) throws Exception {
        Map<String, String> urls = running.sources().stream().filter(s -> s.baseUrl() != null)
                .collect(Collectors.toMap(TieoutConfig.Source::name, TieoutConfig.Source::baseUrl));
        Path file = dir.resolve("tieout.yaml");
        Files.writeString(file, yaml(urls, wrongTokenFor));
        return file;
    }

    static String yaml(Map<String, String> urls, String wrongTokenFor) {
        Function<String, String> url = name -> urls.getOrDefault(name, "http://127.0.0.1:1");
        String shopifyVar = "shopify-d2c".equals(wrongTokenFor) ? "HOME" : SECRET_VAR;
        String head = ScenarioWarehouse.VORTEX_YAML.formatted("transaction_date");
        head = head.substring(0, head.indexOf("sources:"));
        return head + """
                sources:
                  - name: shopify-d2c
                    type: shopify
                    channel: D2C
                    baseUrl: %s
                    credentials:
                      accessToken: ${%s}
                  - name: bigcommerce-b2b
                    type: bigcommerce
                    channel: B2B
                    baseUrl: %s
                    storeHash: vortexb2b
                    credentials:
                      authToken: ${%s}
                  - name: intacct
                    type: intacct
                    baseUrl: %s
                    credentials:
                      senderId: ${%s}
                      senderPassword: ${%s}
                      userId: ${%s}
                      userPassword: ${%s}
                      companyId: ${%s}
                  - name: fx
                    type: fx
                    ratesFile: fx-rates.csv
                """.formatted(url.apply("shopify-d2c"), shopifyVar, url.apply("bigcommerce-b2b"), SECRET_VAR, url.apply("intacct"),
                SECRET_VAR, SECRET_VAR, SECRET_VAR, SECRET_VAR, SECRET_VAR);
    }
}
