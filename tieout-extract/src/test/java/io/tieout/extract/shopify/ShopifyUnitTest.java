package io.tieout.extract.shopify;

import io.tieout.extract.RawRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces without a server: throttle waits, verbatim node text, mapping, config. */
class ShopifyUnitTest {
    @Test
    void theThrottleWaitIsWhatTheBucketLacksOverItsRestoreRate() {
        String throttled = "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],"
                + "\"extensions\":{\"cost\":{\"requestedQueryCost\":752,\"actualQueryCost\":null,"
                + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":352,\"restoreRate\":100.0}}}}";
        assertThat(ShopifyClient.throttleWait(throttled)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ShopifyClient.throttleWait("{\"data\":{\"orders\":{}}}")).isNull();
        assertThat(ShopifyClient.throttleWait("{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}]}"))
                .as("no cost information: a second").isEqualTo(Duration.ofSeconds(1));
        assertThat(ShopifyClient.throttleWait("{\"errors\":[{\"message\":\"mentions THROTTLED\",\"extensions\":{\"code\":\"OTHER\"}}]}")).isNull();
    }

    @Test
    void nodesAreCutOutOfTheAnswerVerbatim() {
        String body = "{\"data\":{\"orders\":{\"edges\":[{\"cursor\":\"a\",\"node\":{\"x\":1.50, \"s\":\"\\u00e9\"}},"
                + "{\"cursor\":\"b\",\"node\":\"text\"},{\"cursor\":\"c\",\"node\":12.0}]}}}";
        assertThat(RawJson.values(body, "data", "orders", "edges", "*", "node"))
                .containsExactly("{\"x\":1.50, \"s\":\"\\u00e9\"}", "\"text\"", "12.0");
        assertThat(RawJson.values("{\"data\":{\"nodes\":[null,{\"id\":1}]}}", "data", "nodes", "*")).containsExactly("null", "{\"id\":1}");
    }

    @Test
    void anOrdersVersionIsTheLatestOfItsAndItsRefundsTimestamps() {
        ShopifyMapper m = ShopifyMapper.orders("s");
        String node = "{\"id\":\"gid://shopify/Order/42\",\"legacyResourceId\":\"42\",\"updatedAt\":\"2026-04-01T10:00:00-04:00\","
                + "\"refunds\":[{\"id\":\"gid://shopify/Refund/1\",\"createdAt\":\"2026-04-03T00:00:00Z\"},"
                + "{\"id\":\"gid://shopify/Refund/2\",\"createdAt\":\"2026-04-02T00:00:00Z\",\"updatedAt\":\"2026-04-05T00:00:00Z\"}]}";
        ShopifyMapper.Mapped mapped = m.map(node, null, "c1");
        assertThat(mapped.problem()).isNull();
        assertThat(mapped.updatedAt()).isEqualTo(Instant.parse("2026-04-01T14:00:00Z"));
        assertThat(mapped.record()).isEqualTo(new RawRecord("s", "orders", "42", Instant.parse("2026-04-05T00:00:00Z"), node));
        assertThat(ShopifyMapper.of("s", "customers").map(node, null, "c1").record().updatedAt()).isEqualTo(Instant.parse("2026-04-01T14:00:00Z"));
    }

    @Test
    void unmappableNodesStillLandWithTheBestIdentificationThereIs() {
        ShopifyMapper m = ShopifyMapper.orders("s");
        assertThat(m.map("{\"id\":\"gid://shopify/Order/7\",\"updatedAt\":null}", null, "c").record().id()).isEqualTo("7");
        assertThat(m.map("{\"id\":\"gid://shopify/Order/7\",\"updatedAt\":null}", null, "c").record().updatedAt()).isEqualTo(Instant.EPOCH);
        assertThat(m.map("{\"name\":\"#1\"}", "99", null).record().id()).isEqualTo("99");
        ShopifyMapper.Mapped noId = m.map("{\"name\":\"#1\"}", null, "cursor-1");
        assertThat(noId.record().id()).startsWith("unparsed-").isEqualTo(m.map("[1]", null, "cursor-1").record().id());
        assertThat(noId.problem()).contains("no legacyResourceId");
        assertThat(m.map("[1]", null, "cursor-1").problem()).contains("not a JSON object");
    }

    @Test
    void configDefaultsAndLimits() {
        ShopifyConfig c = new ShopifyConfig("shop", "http://h/", "secret-token", null, 0, null);
        assertThat(c.apiVersion()).isEqualTo("2025-07");
        assertThat(c.pageSize()).isEqualTo(100);
        assertThat(c.streams()).isEqualTo(ShopifyConfig.ALL_STREAMS);
        assertThat(c.graphqlUrl()).isEqualTo("http://h/admin/api/2025-07/graphql.json");
        assertThat(c.toString()).doesNotContain("secret-token");
        assertThatThrownBy(() -> c.withPageSize(251)).hasMessageContaining("maximum of 250");
        assertThatThrownBy(() -> c.withStreams(java.util.Set.of("refunds"))).hasMessageContaining("needs the orders stream");
        assertThat(ShopifyPager.window("updated_at", Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-02T00:00:00.5Z")))
                .isEqualTo("updated_at:>='2026-04-01T00:00:00Z' AND updated_at:<='2026-04-02T00:00:00.500Z'");
        assertThat(List.of(c.sourceName())).containsExactly("shop");
    }
}
