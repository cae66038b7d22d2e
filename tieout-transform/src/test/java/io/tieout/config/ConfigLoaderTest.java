package io.tieout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.tieout.config.TieoutConfig.AccountRange;
import io.tieout.config.TieoutConfig.Alerts;
import io.tieout.config.TieoutConfig.Api;
import io.tieout.config.TieoutConfig.CustomerMatch;
import io.tieout.config.TieoutConfig.CustomerMatchRule;
import io.tieout.config.TieoutConfig.FxPolicy;
import io.tieout.config.TieoutConfig.Mapping;
import io.tieout.config.TieoutConfig.Reporting;
import io.tieout.config.TieoutConfig.RevenueAccounts;
import io.tieout.config.TieoutConfig.Source;
import io.tieout.config.TieoutConfig.SourceType;
import io.tieout.config.TieoutConfig.Warehouse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final Path BASE_DIR = Path.of("/srv/tieout");
    private static final Function<String, String> NO_ENV = name -> null;

    private static final String MINIMAL = """
            company: Vortex Distribution Inc
            reporting:
              currency: USD
              timezone: America/New_York
            revenueAccounts:
              ranges: ["4000-4999"]
            mapping:
              defaultEntity: VDI-US
            """;

    @Test
    void readsEveryValueOfAFullFile() {
        String yaml = """
                company: Vortex Distribution Inc
                reporting:
                  currency: CAD
                  timezone: America/Toronto
                  fxPolicy: period_average
                  syncLagHours: 48
                  periodDays: 7
                alerts:
                  gapThresholdPct: 2.50
                  entityThresholdPct: {VDI-CA: 6.00}
                revenueAccounts:
                  ranges: ["4000-4999", "0400-0499"]
                  include: [4900]
                  exclude: ["2200", "2300"]
                mapping:
                  channelClass: {B2B: WHOLESALE, D2C: RETAIL_D2C}
                  countryEntity: {US: VDI-US, CA: VDI-CA}
                  defaultEntity: VDI-US
                  skuItem: {OLD-SKU-1: ITEM-1}
                  customerMatch:
                    rules: [email, mapped_id]
                    mappedIdField: SHOP_ID
                    guestCustomerId: WALKIN
                  orderMatchKey: external_id
                warehouse:
                  path: data/tieout.duckdb
                api:
                  port: 8080
                sources:
                  - name: shopify-d2c
                    type: shopify
                    baseUrl: http://127.0.0.1:8181
                    credentials:
                      accessToken: ${SHOPIFY_TOKEN}
                    channel: D2C
                    storefront: Vortex D2C
                  - name: intacct
                    type: intacct
                    baseUrl: https://api.intacct.com/ia/xml/xmlgw.phtml
                    entity: VDI-CA
                """;

        TieoutConfig config = ConfigLoader.parse(yaml, Map.of("SHOPIFY_TOKEN", "shpat_123")::get, BASE_DIR);

        assertThat(config).isEqualTo(new TieoutConfig(
                "Vortex Distribution Inc",
                new Reporting("CAD", ZoneId.of("America/Toronto"), FxPolicy.PERIOD_AVERAGE, Duration.ofHours(48), 7),
                new Alerts(new BigDecimal("2.50"), Map.of("VDI-CA", new BigDecimal("6.00"))),
                new RevenueAccounts(
                        List.of(new AccountRange("4000", "4999"), new AccountRange("0400", "0499")),
                        List.of("4900"),
                        List.of("2200", "2300")),
                new Mapping(
                        Map.of("B2B", "WHOLESALE", "D2C", "RETAIL_D2C"),
                        Map.of("US", "VDI-US", "CA", "VDI-CA"),
                        "VDI-US",
                        Map.of("OLD-SKU-1", "ITEM-1"),
                        new CustomerMatch(List.of(CustomerMatchRule.EMAIL, CustomerMatchRule.MAPPED_ID), "SHOP_ID", "WALKIN"),
                        "external_id"),
                new Warehouse(Path.of("/srv/tieout/data/tieout.duckdb")),
                List.of(
                        new Source("shopify-d2c", SourceType.SHOPIFY, "http://127.0.0.1:8181",
                                Map.of("accessToken", "shpat_123"), "D2C", "Vortex D2C", null, null, null),
                        new Source("intacct", SourceType.INTACCT, "https://api.intacct.com/ia/xml/xmlgw.phtml",
                                Map.of(), null, null, "VDI-CA", null, null)),
                new Api(8080)));
    }

    @Test
    void appliesDefaultsForOmittedKeys() {
        TieoutConfig config = ConfigLoader.parse(MINIMAL, NO_ENV, BASE_DIR);

        assertThat(config.reporting().fxPolicy()).isEqualTo(FxPolicy.TRANSACTION_DATE);
        assertThat(config.reporting().syncLag()).isEqualTo(Duration.ofHours(24));
        assertThat(config.reporting().periodDays()).isEqualTo(30);
        assertThat(config.alerts()).isEqualTo(new Alerts(new BigDecimal("5.00"), Map.of()));
        assertThat(config.revenueAccounts().include()).isEmpty();
        assertThat(config.revenueAccounts().exclude()).isEmpty();
        assertThat(config.mapping().channelClass()).isEmpty();
        assertThat(config.mapping().countryEntity()).isEmpty();
        assertThat(config.mapping().skuItem()).isEmpty();
        assertThat(config.mapping().customerMatch()).isEqualTo(new CustomerMatch(
                List.of(CustomerMatchRule.MAPPED_ID, CustomerMatchRule.EMAIL, CustomerMatchRule.COMPANY_NAME, CustomerMatchRule.GUEST),
                "COMMERCE_CUSTOMER_ID", "GUEST"));
        assertThat(config.mapping().orderMatchKey()).isEqualTo("order_number");
        assertThat(config.warehouse().path()).isEqualTo(Path.of("/srv/tieout/warehouse/tieout.duckdb"));
        assertThat(config.api().port()).isEqualTo(7070);
        assertThat(config.sources()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPath() {
        String yaml = """
                company: ""
                reporting:
                  currency: usd
                  timezone: America/Nwe_York
                  syncLagHours: 0
                alerts:
                  gapThresholdPct: 101
                revenueAccounts:
                  ranges: ["4999-4000", "400-4999"]
                  include: [49O0]
                mapping:
                  channelClass: {B2B: WHOLESALE}
                  countryEntity: {UK: VDI-UK}
                  customerMatch:
                    rules: [email, email, phone]
                api:
                  port: 70000
                sources:
                  - name: Shopify D2C
                    type: shopify
                    channel: D2C
                  - name: fx
                    type: fx
                    ratesFile: rates.csv
                  - name: fx
                    type: ecb
                """;

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));

        assertThat(error.problems()).extracting(ConfigProblem::path).containsExactly(
                "company",
                "reporting.currency",
                "reporting.timezone",
                "reporting.syncLagHours",
                "alerts.gapThresholdPct",
                "revenueAccounts.ranges[0]",
                "revenueAccounts.ranges[1]",
                "revenueAccounts.include[0]",
                "mapping.countryEntity.UK",
                "mapping.defaultEntity",
                "mapping.customerMatch.rules[1]",
                "mapping.customerMatch.rules[2]",
                "api.port",
                "sources[0].name",
                "sources[0].baseUrl",
                "sources[0].channel",
                "sources[2].name",
                "sources[2].type");
        assertThat(error.getMessage().lines()).hasSize(error.problems().size());
    }

    @Test
    void messageStatesFilePathProblemAndWhatIsAllowedOnOneLine() {
        String yaml = MINIMAL.replace("America/New_York", "America/Nwe_York");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));

        assertThat(error).hasMessage("tieout.yaml: reporting.timezone: 'America/Nwe_York' is not a time zone"
                + " (allowed: an IANA zone id such as America/New_York)");
    }

    @Test
    void namesTheUnsetEnvironmentVariableAndWhereItIsUsed() {
        String yaml = MINIMAL.replace("company: Vortex Distribution Inc", "company: ${COMPANY_NAME} Inc");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));

        assertThat(error.problems()).containsExactly(
                new ConfigProblem("company", "environment variable COMPANY_NAME is not set", "a variable set in the environment"));
    }

    @Test
    void replacesReferencesAnywhereInAString() {
        String yaml = MINIMAL.replace("company: Vortex Distribution Inc", "company: ${BRAND} Distribution ${SUFFIX}")
                + "api:\n  port: ${API_PORT}\n";

        TieoutConfig config = ConfigLoader.parse(yaml, Map.of("BRAND", "Vortex", "SUFFIX", "Inc", "API_PORT", "9090")::get, BASE_DIR);

        assertThat(config.company()).isEqualTo("Vortex Distribution Inc");
        assertThat(config.api().port()).isEqualTo(9090);
    }

    @Test
    void rejectsLiteralCredentialWithoutRepeatingIt() {
        String yaml = MINIMAL + """
                sources:
                  - name: shopify-d2c
                    type: shopify
                    baseUrl: http://127.0.0.1:8181
                    channel: D2C
                    credentials:
                      accessToken: shpat_live_secret
                """;

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));

        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::problem).containsExactly(
                tuple("sources[0].credentials.accessToken",
                        "credentials must be ${ENV_VAR} references, never literal secrets"));
        assertThat(error.getMessage()).doesNotContain("shpat_live_secret");
    }

    @Test
    void bigcommerceNeedsAStoreHashAndFxNeedsAUrlOrARatesFile() {
        String yaml = MINIMAL + """
                sources:
                  - name: bc
                    type: bigcommerce
                    channel: B2B
                    baseUrl: http://127.0.0.1:1
                  - name: fx
                    type: fx
                """;
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));
        assertThat(error.problems()).extracting(ConfigProblem::path).containsExactly("sources[0].storeHash", "sources[1].baseUrl");
    }

    @Test
    void theServersScheduleIsReadAsAnIntervalAndABadOneIsReported() {
        TieoutConfig ok = ConfigLoader.parse(MINIMAL + "api:\n  runEvery: 15m\n", NO_ENV, BASE_DIR);
        assertThat(ok.api().runEvery()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(ConfigLoader.parse(MINIMAL, NO_ENV, BASE_DIR).api().runEvery()).isNull();
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse(MINIMAL + "api:\n  runEvery: often\n", NO_ENV, BASE_DIR));
        assertThat(error.problems()).extracting(ConfigProblem::path).containsExactly("api.runEvery");
    }

    @Test
    void alertsMayNameAWebhookAndItsFormat() {
        TieoutConfig ok = ConfigLoader.parse(MINIMAL + "alerts:\n  webhookUrl: https://hooks.example.com/x\n  webhookFormat: slack\n",
                NO_ENV, BASE_DIR);
        assertThat(ok.alerts().webhookUrl()).isEqualTo("https://hooks.example.com/x");
        assertThat(ok.alerts().webhookFormat()).isEqualTo(TieoutConfig.WebhookFormat.SLACK);
        assertThat(ConfigLoader.parse(MINIMAL, NO_ENV, BASE_DIR).alerts().webhookUrl()).isNull();
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse(MINIMAL + "alerts:\n  webhookUrl: not-a-url\n  webhookFormat: xml\n", NO_ENV, BASE_DIR));
        assertThat(error.problems()).extracting(ConfigProblem::path).containsExactly("alerts.webhookUrl", "alerts.webhookFormat");
    }

    @Test
    void keepsResolvedCredentialsOutOfToString() {
        String yaml = MINIMAL + """
                sources:
                  - name: fx
                    type: fx
                    ratesFile: rates.csv
                    credentials:
                      apiKey: ${FX_KEY}
                """;

        TieoutConfig config = ConfigLoader.parse(yaml, Map.of("FX_KEY", "s3cret")::get, BASE_DIR);

        assertThat(config.sources().get(0).credentials()).containsEntry("apiKey", "s3cret");
        assertThat(config.toString()).contains("apiKey").doesNotContain("s3cret");
    }

    @Test
    void reportsUnknownKeyWithTheAllowedKeys() {
        String yaml = MINIMAL.replace("  timezone:", "  fxPolcy: period_average\n  timezone:");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));

        assertThat(error.problems()).containsExactly(new ConfigProblem("reporting.fxPolcy", "unknown key",
                "currency, timezone, fxPolicy, syncLagHours, periodDays"));
    }

    @Test
    void reportsBadYamlSyntaxWithLineAndColumn() {
        String yaml = """
                company: Vortex
                reporting:
                  currency: USD
                   timezone: America/New_York
                """;

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));

        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().get(0).path()).isEmpty();
        assertThat(error.getMessage()).startsWith("tieout.yaml: line 4, column 12: mapping values are not allowed here");
    }

    @Test
    void reportsDuplicateKeyAsSyntaxProblem() {
        String yaml = MINIMAL + "company: Other Inc\n";

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, NO_ENV, BASE_DIR));

        assertThat(error.getMessage()).startsWith("tieout.yaml: line 9").contains("Duplicate field 'company'");
    }

    @Test
    void readsNumbersFromTheirTextNeverAsYamlTypes() {
        // YAML 1.1 typing would read 0400 as octal 256 and 0.1 through a double.
        String yaml = """
                company: Vortex Distribution Inc
                reporting: {currency: USD, timezone: America/New_York}
                revenueAccounts:
                  ranges: [0400-0499]
                  include: [0400]
                mapping: {defaultEntity: VDI-US}
                alerts:
                  gapThresholdPct: 0.1
                  entityThresholdPct: {VDI-CA: 12.345678901234567890123}
                """;

        TieoutConfig config = ConfigLoader.parse(yaml, NO_ENV, BASE_DIR);

        assertThat(config.revenueAccounts().ranges()).containsExactly(new AccountRange("0400", "0499"));
        assertThat(config.revenueAccounts().include()).containsExactly("0400");
        assertThat(config.alerts().gapThresholdPct()).isEqualTo(new BigDecimal("0.1"));
        assertThat(config.alerts().entityThresholdPct()).containsEntry("VDI-CA", new BigDecimal("12.345678901234567890123"));
    }

    @Test
    void reportsAMissingFile() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Path.of("no-such-dir/tieout.yaml")));

        assertThat(error).hasMessage("no-such-dir/tieout.yaml: does not exist");
    }

    @Test
    void rootTieoutYamlParsesWhenItsSecretsAreSet() {
        Map<String, String> env = Map.of(
                "SHOPIFY_TOKEN", "shpat_test",
                "BIGCOMMERCE_TOKEN", "bc_test",
                "INTACCT_SENDER_ID", "sender",
                "INTACCT_SENDER_PASSWORD", "sender-pw",
                "INTACCT_USER_ID", "user",
                "INTACCT_USER_PASSWORD", "user-pw",
                "INTACCT_COMPANY_ID", "vortex");

        TieoutConfig config = ConfigLoader.load(Path.of("../tieout.yaml"), env::get);

        assertThat(config.company()).isEqualTo("Vortex Distribution Inc");
        assertThat(config.revenueAccounts().exclude()).containsExactly("2200", "2300");
        assertThat(config.warehouse().path()).isEqualTo(Path.of("../warehouse/tieout.duckdb").toAbsolutePath().normalize());
        assertThat(config.sources()).extracting(Source::name).containsExactly("shopify-d2c", "bigcommerce-b2b", "intacct", "fx");
        assertThat(config.sources().get(2).credentials()).containsOnlyKeys(
                "senderId", "senderPassword", "userId", "userPassword", "companyId");
    }
}
