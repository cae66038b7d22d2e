package io.tieout.extract.bigcommerce;

import java.time.Duration;
import java.util.Objects;

/**
 * One BigCommerce store as a source.
 *
 * @param sourceName the configured source name its records land under (e.g. {@code bigcommerce-b2b})
 * @param baseUrl    {@code https://api.bigcommerce.com}, or a simulator's address; {@code /stores/{hash}/v2|v3}
 *                   is appended
 * @param storeHash  the store's permanent hash
 * @param authToken  the API account's access token, sent as {@code X-Auth-Token}
 * @param pageSize   {@code limit} of every listing, 1 to 250 (0 means the default, 250)
 * @param lookBack   how far before a stream's cursor each run starts again; null means the run's
 *                   look-back ({@link io.tieout.extract.ExtractContext#windowStart})
 */
public record BigCommerceConfig(String sourceName, String baseUrl, String storeHash, String authToken, int pageSize,
                                Duration lookBack) {
    public static final int DEFAULT_PAGE_SIZE = 250;
    public static final int MAX_PAGE_SIZE = 250;

    public BigCommerceConfig {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(authToken, "authToken");
        if (pageSize == 0) pageSize = DEFAULT_PAGE_SIZE;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(sourceName + ": pageSize must be 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        if (lookBack != null && lookBack.isNegative()) {
            throw new IllegalArgumentException(sourceName + ": lookBack must not be negative");
        }
        while (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }

    /** The defaults: pages of 250, the run's look-back. */
    public BigCommerceConfig(String sourceName, String baseUrl, String storeHash, String authToken) {
        this(sourceName, baseUrl, storeHash, authToken, DEFAULT_PAGE_SIZE, null);
    }

    public BigCommerceConfig withPageSize(int size) {
        return new BigCommerceConfig(sourceName, baseUrl, storeHash, authToken, size, lookBack);
    }

    public BigCommerceConfig withLookBack(Duration d) {
        return new BigCommerceConfig(sourceName, baseUrl, storeHash, authToken, pageSize, d);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "BigCommerceConfig[sourceName=" + sourceName + ", baseUrl=" + baseUrl + ", storeHash=" + storeHash
                + ", authToken=***, pageSize=" + pageSize + ", lookBack=" + lookBack + "]";
    }
}
