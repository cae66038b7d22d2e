package io.tieout.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The whole of {@code tieout.yaml}, validated. Instances only come out of {@link ConfigLoader}, which
 * reports every problem at once; code downstream may trust every field.
 */
public record TieoutConfig(
        String company,
        Reporting reporting,
        Alerts alerts,
        RevenueAccounts revenueAccounts,
        Mapping mapping,
        Warehouse warehouse,
        List<Source> sources,
        Api api) {

    /** Reporting currency and calendar: the basis every number is stated in. */
    public record Reporting(String currency, ZoneId timezone, FxPolicy fxPolicy, Duration syncLag, int periodDays) {}

    public enum FxPolicy { TRANSACTION_DATE, PERIOD_AVERAGE }

    /** Thresholds, and where alert transitions are delivered (webhookUrl null: recorded only). */
    public record Alerts(BigDecimal gapThresholdPct, Map<String, BigDecimal> entityThresholdPct, String webhookUrl,
                         WebhookFormat webhookFormat) {
        public Alerts(BigDecimal gapThresholdPct, Map<String, BigDecimal> entityThresholdPct) {
            this(gapThresholdPct, entityThresholdPct, null, WebhookFormat.JSON);
        }
    }

    /** JSON: Tieout's own body; SLACK: a Slack-compatible incoming-webhook body ({"text": ...}). */
    public enum WebhookFormat { JSON, SLACK }

    /**
     * GL accounts that count as revenue: every account inside one of the ranges or listed in include,
     * unless listed in exclude. Account numbers compare as text of equal length, as Intacct stores them.
     */
    public record RevenueAccounts(List<AccountRange> ranges, List<String> include, List<String> exclude) {}

    public record AccountRange(String from, String to) {}

    /** Posting rules: what Intacct member each commerce order is expected to carry. */
    public record Mapping(
            Map<String, String> channelClass,
            Map<String, String> countryEntity,
            String defaultEntity,
            Map<String, String> skuItem,
            CustomerMatch customerMatch,
            String orderMatchKey) {}

    public enum CustomerMatchRule { MAPPED_ID, EMAIL, COMPANY_NAME, GUEST }

    /** How a commerce customer resolves to an Intacct CUSTOMERID, rules tried in order. */
    public record CustomerMatch(List<CustomerMatchRule> rules, String mappedIdField, String guestCustomerId) {}

    public record Warehouse(Path path) {}

    /**
     * One configured source system. {@code channel} and {@code entity} apply where the type has them;
     * {@code storeHash} is BigCommerce's store; an fx source reads ECB's history CSV from baseUrl or a
     * manual rates file ({@code ratesFile}: date,from,to,rate).
     */
    public record Source(String name, SourceType type, String baseUrl, Map<String, String> credentials,
                         String channel, String storefront, String entity, String storeHash, Path ratesFile) {

        /** Names the credentials but never shows them: a logged config must not leak secrets. */
        @Override
        public String toString() {
            return "Source[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl
                    + ", credentials=" + (credentials == null ? null : credentials.keySet() + " (hidden)")
                    + ", channel=" + channel + ", storefront=" + storefront + ", entity=" + entity + "]";
        }
    }

    public enum SourceType { SHOPIFY, BIGCOMMERCE, INTACCT, FX, SYNCLOG }

    /** The server: its port, and how often {@code tieout serve} runs the pipeline (null: only on request). */
    public record Api(int port, Duration runEvery) {
        public Api(int port) {
            this(port, null);
        }
    }
}
