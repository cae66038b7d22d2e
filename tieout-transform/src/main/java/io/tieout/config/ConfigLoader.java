package io.tieout.config;

import static io.tieout.config.ConfigReader.reject;

import com.fasterxml.jackson.databind.JsonNode;
import io.tieout.config.ConfigReader.Section;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code tieout.yaml} into a {@link TieoutConfig}, or throws a {@link ConfigException} listing every
 * problem in the file. This class is the schema: keys, defaults and cross-checks. {@link ConfigReader}
 * walks the tree, {@link ConfigValues} reads single values.
 */
public final class ConfigLoader {

    private static final String DEFAULT_FILE_NAME = "tieout.yaml";
    private static final BigDecimal DEFAULT_GAP_THRESHOLD_PCT = new BigDecimal("5.00");
    private static final List<CustomerMatchRule> DEFAULT_RULES = List.of(CustomerMatchRule.values());
    private static final String DEFAULT_WAREHOUSE = "./warehouse/tieout.duckdb";
    private static final Set<SourceType> NEEDS_BASE_URL = EnumSet.of(SourceType.SHOPIFY, SourceType.BIGCOMMERCE, SourceType.INTACCT);
    private static final Set<SourceType> NEEDS_CHANNEL = EnumSet.of(SourceType.SHOPIFY, SourceType.BIGCOMMERCE);

    private static final List<String> SOURCE_KEYS =
            List.of("name", "type", "baseUrl", "credentials", "channel", "storefront", "entity", "storeHash", "ratesFile");

    private static final String ACCOUNT = "an account number of digits, such as 4900";
    private static final String PERCENT = "a percentage from 0 to 100, such as 5.00";
    private static final String URL = "an http(s) URL such as http://127.0.0.1:8181";

    private ConfigLoader() {}

    /** Reads the file, resolving {@code ${VAR}} from the process environment and relative paths against the file's directory. */
    public static TieoutConfig load(Path file) {
        return load(file, System::getenv);
    }

    static TieoutConfig load(Path file, Function<String, String> env) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("", "does not exist", null)));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("", "cannot be read: " + e, null)));
        }
        return parse(yaml, env, file.toAbsolutePath().getParent(), file.toString());
    }

    /**
     * @param env     looks up {@code ${VAR}} references; null for an unset variable
     * @param baseDir what a relative warehouse path is relative to
     */
    public static TieoutConfig parse(String yaml, Function<String, String> env, Path baseDir) {
        return parse(yaml, env, baseDir, DEFAULT_FILE_NAME);
    }

    private static TieoutConfig parse(String yaml, Function<String, String> env, Path baseDir, String fileName) {
        JsonNode tree;
        try {
            tree = YamlTree.read(yaml);
        } catch (YamlTree.Malformed e) {
            throw new ConfigException(fileName, List.of(new ConfigProblem("", e.getMessage(), null)));
        }
        ConfigReader reader = new ConfigReader(env);
        TieoutConfig config = config(reader.root(tree,
                List.of("company", "reporting", "alerts", "revenueAccounts", "mapping", "warehouse", "api", "sources")), baseDir);
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(fileName, reader.problems());
        }
        return config;
    }

    private static TieoutConfig config(Section root, Path baseDir) {
        String company = root.required("company", ConfigValues::text, "the company's name");
        Reporting reporting = reporting(root.section("reporting", "currency", "timezone", "fxPolicy", "syncLagHours", "periodDays"));
        Alerts alerts = alerts(root.section("alerts", "gapThresholdPct", "entityThresholdPct", "webhookUrl", "webhookFormat"));
        RevenueAccounts revenueAccounts = revenueAccounts(root.section("revenueAccounts", "ranges", "include", "exclude"));
        Mapping mapping = mapping(root.section("mapping",
                "channelClass", "countryEntity", "defaultEntity", "skuItem", "customerMatch", "orderMatchKey"));
        Warehouse warehouse = new Warehouse(root.section("warehouse", "path")
                .optional("path", baseDir.resolve(DEFAULT_WAREHOUSE).normalize(), ConfigValues.pathUnder(baseDir), "a file path"));
        Section apiSection = root.section("api", "port", "runEvery");
        Api api = new Api(apiSection.optional("port", 7070, ConfigValues.wholeNumber(1, 65535), "a port from 1 to 65535"),
                apiSection.optional("runEvery", null, ConfigValues::interval, "minutes or hours such as 15m or 1h (1m to 24h)"));
        List<Source> sources = sources(root, mapping.channelClass(), baseDir);
        return new TieoutConfig(company, reporting, alerts, revenueAccounts, mapping, warehouse, sources, api);
    }

    private static Reporting reporting(Section reporting) {
        return new Reporting(
                reporting.required("currency", ConfigValues::currency, "an ISO 4217 code such as USD"),
                reporting.required("timezone", ConfigValues::timeZone, "an IANA zone id such as America/New_York"),
                reporting.optional("fxPolicy", FxPolicy.TRANSACTION_DATE,
                        ConfigValues.lowerCase(FxPolicy.class, "an fx policy"), ConfigValues.lowerCaseNames(FxPolicy.class)),
                reporting.optional("syncLagHours", Duration.ofHours(24),
                        ConfigValues.wholeNumber(1, 720).andThen(Duration::ofHours), "a whole number of hours from 1 to 720"),
                reporting.optional("periodDays", 30, ConfigValues.wholeNumber(1, 366), "a whole number of days from 1 to 366"));
    }

    private static Alerts alerts(Section alerts) {
        return new Alerts(
                alerts.optional("gapThresholdPct", DEFAULT_GAP_THRESHOLD_PCT, ConfigValues::percent, PERCENT),
                alerts.map("entityThresholdPct", ConfigValues::percent, PERCENT),
                alerts.optional("webhookUrl", null, ConfigValues::httpUrl, URL),
                alerts.optional("webhookFormat", TieoutConfig.WebhookFormat.JSON,
                        ConfigValues.lowerCase(TieoutConfig.WebhookFormat.class, "a webhook format"),
                        ConfigValues.lowerCaseNames(TieoutConfig.WebhookFormat.class)));
    }

    private static RevenueAccounts revenueAccounts(Section accounts) {
        List<AccountRange> ranges = accounts.nonEmptyList("ranges", null, ConfigValues::accountRange,
                "FROM-TO account numbers of equal length with FROM <= TO, such as 4000-4999");
        return new RevenueAccounts(ranges,
                accounts.list("include", List.of(), ConfigValues::accountNumber, ACCOUNT),
                accounts.list("exclude", List.of(), ConfigValues::accountNumber, ACCOUNT));
    }

    private static Mapping mapping(Section mapping) {
        Map<String, String> channelClass = mapping.map("channelClass", ConfigValues::text, "an Intacct CLASSID");
        Map<String, String> countryEntity = mapping.map("countryEntity", ConfigValues::text, "an Intacct entity id");
        countryEntity.keySet().stream().filter(country -> !ConfigValues.isCountry(country)).forEach(country ->
                mapping.problem("countryEntity." + country, "'" + country + "' is not an ISO 3166 alpha-2 country code",
                        "two capital letters such as US or CA"));
        String defaultEntity = mapping.required("defaultEntity", ConfigValues::text, "the Intacct entity id for orders no country maps");
        Map<String, String> skuItem = mapping.map("skuItem", ConfigValues::text, "an Intacct ITEMID");
        CustomerMatch customerMatch = customerMatch(mapping.section("customerMatch", "rules", "mappedIdField", "guestCustomerId"));
        String orderMatchKey = mapping.optional("orderMatchKey", "order_number",
                ConfigValues.oneOf("an order match key", "order_number", "external_id"), "order_number, external_id");
        return new Mapping(channelClass, countryEntity, defaultEntity, skuItem, customerMatch, orderMatchKey);
    }

    private static CustomerMatch customerMatch(Section customerMatch) {
        Function<String, CustomerMatchRule> rule = ConfigValues.lowerCase(CustomerMatchRule.class, "a customer match rule");
        Set<CustomerMatchRule> seen = EnumSet.noneOf(CustomerMatchRule.class);
        Function<String, CustomerMatchRule> ruleListedOnce = text -> {
            CustomerMatchRule matched = rule.apply(text);
            if (!seen.add(matched)) {
                throw reject("'" + text + "' is listed twice");
            }
            return matched;
        };
        return new CustomerMatch(
                customerMatch.nonEmptyList("rules", DEFAULT_RULES, ruleListedOnce,
                        "each of " + ConfigValues.lowerCaseNames(CustomerMatchRule.class) + " at most once, in the order to try them"),
                customerMatch.optional("mappedIdField", "COMMERCE_CUSTOMER_ID", ConfigValues::text, "an Intacct customer field name"),
                customerMatch.optional("guestCustomerId", "GUEST", ConfigValues::text, "an Intacct CUSTOMERID"));
    }

    private static List<Source> sources(Section root, Map<String, String> channelClass, Path baseDir) {
        Map<String, String> pathByName = new HashMap<>();
        return root.sections("sources", SOURCE_KEYS, source -> {
            String name = source.required("name", ConfigValues::sourceName, "lower-case letters, digits and dashes, such as shopify-d2c");
            if (name != null && pathByName.putIfAbsent(name, source.path()) != null) {
                source.problem("name", "'" + name + "' is already the name of " + pathByName.get(name), "a name no other source has");
            }
            SourceType type = source.required("type", ConfigValues.lowerCase(SourceType.class, "a source type"),
                    ConfigValues.lowerCaseNames(SourceType.class));
            String baseUrl = type != null && NEEDS_BASE_URL.contains(type)
                    ? source.required("baseUrl", ConfigValues::httpUrl, URL)
                    : source.optional("baseUrl", null, ConfigValues::httpUrl, URL);
            Map<String, String> credentials = source.references("credentials");
            String channel = type != null && NEEDS_CHANNEL.contains(type)
                    ? source.required("channel", channelIn(channelClass), channelsAllowed(channelClass))
                    : source.optional("channel", null, channelIn(channelClass), channelsAllowed(channelClass));
            String storefront = source.optional("storefront", null, ConfigValues::text, "the storefront's display name");
            String entity = source.optional("entity", null, ConfigValues::text, "an Intacct entity id");
            String storeHash = type == SourceType.BIGCOMMERCE
                    ? source.required("storeHash", ConfigValues::text, "the store hash of the BigCommerce API path /stores/{hash}")
                    : source.optional("storeHash", null, ConfigValues::text, "only for bigcommerce sources");
            String ratesFile = source.optional("ratesFile", null, ConfigValues::text, "a CSV file of date,from,to,rate");
            if (type == SourceType.FX && baseUrl == null && ratesFile == null) {
                source.problem("baseUrl", "an fx source needs baseUrl (ECB's history CSV) or ratesFile (a manual rates file)",
                        "one of baseUrl or ratesFile");
            }
            return new Source(name, type, baseUrl, credentials, channel, storefront, entity, storeHash,
                    ratesFile == null ? null : baseDir.resolve(ratesFile).normalize());
        });
    }

    /** With no channelClass mapping any channel will do; with one, a channel it lacks could never be checked. */
    private static Function<String, String> channelIn(Map<String, String> channelClass) {
        return text -> {
            ConfigValues.text(text);
            if (!channelClass.isEmpty() && !channelClass.containsKey(text)) {
                throw reject("'" + text + "' is not a channel in mapping.channelClass");
            }
            return text;
        };
    }

    private static String channelsAllowed(Map<String, String> channelClass) {
        return channelClass.isEmpty() ? "a sales channel name such as D2C" : String.join(", ", channelClass.keySet());
    }
}
