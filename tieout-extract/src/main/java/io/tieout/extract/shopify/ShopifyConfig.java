package io.tieout.extract.shopify;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One Shopify store as a source: its configured name, where its Admin API is ({@code
 * https://{shop}.myshopify.com} or a simulator), the Admin API access token, the API version, the
 * page size (at most 250, Shopify's cap on {@code first}), the look-back overlap re-read below each
 * stream's cursor (null: the run's), and the streams to extract.
 */
public record ShopifyConfig(String sourceName, String baseUrl, String accessToken, String apiVersion, int pageSize,
                            Duration lookBack, Set<String> streams) {
    public static final String DEFAULT_API_VERSION = "2025-07";
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 250;

    /** orders by updated_at; refunds from the order event log; customers and products by updated_at. */
    public static final Set<String> ALL_STREAMS = Set.of("orders", "refunds", "customers", "products");

    public ShopifyConfig {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accessToken, "accessToken");
        if (apiVersion == null || apiVersion.isBlank()) apiVersion = DEFAULT_API_VERSION;
        if (pageSize <= 0) pageSize = DEFAULT_PAGE_SIZE;
        if (pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(sourceName + ": pageSize " + pageSize + " is above Shopify's maximum of " + MAX_PAGE_SIZE);
        }
        if (lookBack != null && lookBack.isNegative()) throw new IllegalArgumentException(sourceName + ": lookBack must not be negative");
        streams = streams == null ? ALL_STREAMS : Set.copyOf(streams);
        for (String s : streams) {
            if (!ALL_STREAMS.contains(s)) throw new IllegalArgumentException(sourceName + ": unknown stream '" + s + "'; allowed: " + ALL_STREAMS);
        }
        if (streams.contains("refunds") && !streams.contains("orders")) {
            throw new IllegalArgumentException(sourceName + ": the refunds stream re-reads orders, so it needs the orders stream");
        }
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }

    public ShopifyConfig(String sourceName, String baseUrl, String accessToken, String apiVersion, int pageSize, Duration lookBack) {
        this(sourceName, baseUrl, accessToken, apiVersion, pageSize, lookBack, ALL_STREAMS);
    }

    /** Defaults: API version 2025-07, 100 a page, the run's look-back, every stream. */
    public static ShopifyConfig of(String sourceName, String baseUrl, String accessToken) {
        return new ShopifyConfig(sourceName, baseUrl, accessToken, DEFAULT_API_VERSION, DEFAULT_PAGE_SIZE, null, ALL_STREAMS);
    }

    public ShopifyConfig withPageSize(int n) {
        return new ShopifyConfig(sourceName, baseUrl, accessToken, apiVersion, n, lookBack, streams);
    }

    public ShopifyConfig withLookBack(Duration d) {
        return new ShopifyConfig(sourceName, baseUrl, accessToken, apiVersion, pageSize, d, streams);
    }

    public ShopifyConfig withStreams(Set<String> s) {
        return new ShopifyConfig(sourceName, baseUrl, accessToken, apiVersion, pageSize, lookBack, s);
    }

    public String graphqlUrl() {
        return baseUrl + "/admin/api/" + apiVersion + "/graphql.json";
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ShopifyConfig[sourceName=" + sourceName + ", baseUrl=" + baseUrl + ", accessToken=***, apiVersion=" + apiVersion
                + ", pageSize=" + pageSize + ", lookBack=" + lookBack + ", streams=" + streams + "]";
    }
}
