package io.tieout.extract.shopify;

import io.tieout.extract.ExtractContext;
import io.tieout.extract.ExtractException;
import io.tieout.extract.testing.InMemoryWarehouse;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.shopify.ShopifySimulator;
import io.tieout.sandbox.shopify.ShopifyThrottle;
import io.tieout.sandbox.sim.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.tieout.extract.shopify.ShopifyTestKit.SOURCE;
import static io.tieout.extract.shopify.ShopifyTestKit.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyResilienceTest {
    private final ShopifyTestKit kit = new ShopifyTestKit();

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void throttledQueriesWaitForTheBucketAndLoseNothing() {
        List<CommerceOrder> orders = ShopifyTestKit.generate(60);
        // A small bucket: a page of 20 orders requests 1 + 20 × (1 + 2 lines) = 61 points; 150 points, 10 a second.
        kit.start(orders, ShopifyThrottle.of(150, 10, kit.clock));
        InMemoryWarehouse wh = new InMemoryWarehouse();

        ExtractContext ctx = kit.run(kit.connector(kit.config(20).withStreams(Set.of("orders"))), wh, "run-1", kit.upperAfterAll());

        assertThat(kit.sim.throttledResponses()).isPositive();
        assertThat(ctx.stats().throttledCount()).isEqualTo(kit.sim.throttledResponses());
        assertThat(ctx.stats().retries()).isEqualTo(kit.sim.throttledResponses());
        assertThat(ctx.stats().pages()).isEqualTo(3);
        assertThat(wh.records(SOURCE, "orders").keySet()).isEqualTo(kit.orders.keySet());
        // Each wait is what the bucket needed, (requested − available) / restoreRate, never a blind backoff.
        assertThat(kit.sleeps).isNotEmpty().allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(100), Duration.ofSeconds(7)));
        assertThat(ctx.stats().throttledCount()).as("one wait is enough: no second THROTTLED for the same page")
                .isEqualTo(kit.sleeps.size());
    }

    @Test
    void aQueryCostingMoreThanTheWholeBucketFailsWithShopifysMessage() {
        kit.start(ShopifyTestKit.generate(10), ShopifyThrottle.of(50, 10, kit.clock));
        InMemoryWarehouse wh = new InMemoryWarehouse();

        assertThatThrownBy(() -> kit.run(kit.connector(100), wh, "run-1", kit.upperAfterAll()))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("orders page 1")
                .hasMessageContaining("exceeds the single query max cost limit (50)")
                .hasMessageContaining("MAX_COST_EXCEEDED");
        assertThat(wh.records()).isEmpty();
        assertThat(wh.cursors()).isEmpty();
    }

    @Test
    void tooManyRequestsWithRetryAfterAndServerErrorsAreRetried() {
        kit.start(ShopifyTestKit.generate(25), kit.roomyBucket());
        kit.sim.faults().thenFail(new Fault.TooManyRequests(3), new Fault.ServerError(503), new Fault.ServerError(502));
        InMemoryWarehouse wh = new InMemoryWarehouse();

        ExtractContext ctx = kit.run(kit.connector(kit.config(10).withStreams(Set.of("orders"))), wh, "run-1", kit.upperAfterAll());

        assertThat(kit.sleeps.get(0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(kit.sleeps).hasSize(3);
        assertThat(ctx.stats().retries()).isEqualTo(3);
        assertThat(ctx.stats().throttledCount()).isEqualTo(1);
        assertThat(wh.records(SOURCE, "orders")).hasSize(25);
    }

    @Test
    void aTruncatedBodyIsRetried() {
        kit.start(ShopifyTestKit.generate(25), kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        kit.sim.faults().afterPage(1, p -> kit.sim.faults().thenFail(new Fault.TruncatedBody()));

        ExtractContext ctx = kit.run(kit.connector(kit.config(10).withStreams(Set.of("orders"))), wh, "run-1", kit.upperAfterAll());

        assertThat(ctx.stats().retries()).isEqualTo(1);
        assertThat(ctx.stats().pages()).isEqualTo(3);
        assertThat(wh.records(SOURCE, "orders")).hasSize(25);
        for (CommerceOrder o : kit.orders.values()) {
            assertThat(wh.record(SOURCE, "orders", o.id()).orElseThrow().payload()).isEqualTo(ShopifyTestKit.record(o).payload());
        }
    }

    @Test
    void aBadTokenFailsAtOnceNamingTheSourceAndShopifysAnswer() {
        kit.start(ShopifyTestKit.generate(5), kit.roomyBucket());
        InMemoryWarehouse wh = new InMemoryWarehouse();
        ShopifyConnector connector = kit.connector(new ShopifyConfig(SOURCE, kit.sim.baseUrl(), "shpat_wrong", null, 10, null));

        assertThatThrownBy(() -> kit.run(connector, wh, "run-1", kit.upperAfterAll()))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("401")
                .hasMessageContaining(ShopifySimulator.INVALID_TOKEN)
                .hasMessageContaining("check the source's credentials");
        assertThat(kit.sleeps).as("a 401 is not retried").isEmpty();
        assertThat(wh.landCalls()).isZero();
    }

    @Test
    void aMissingTokenIsAnsweredLikeShopify() throws Exception {
        kit.start(ShopifyTestKit.generate(1), kit.roomyBucket());
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(kit.sim.baseUrl() + "/admin/api/2025-07/graphql.json"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}"))
                .header("Content-Type", "application/json").build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"errors\":\"" + ShopifySimulator.INVALID_TOKEN + "\"}");
    }

    @Test
    void graphQlErrorsOtherThanThrottledFailWithTheMessage() {
        kit.start(ShopifyTestKit.generate(5), kit.roomyBucket());
        ShopifyClient client = new ShopifyClient(new ShopifyConfig(SOURCE, kit.sim.baseUrl(), TOKEN, null, 10, null), kit.transport());
        String tooBig = "query { orders(first: 251) { edges { cursor } pageInfo { hasNextPage endCursor } } }";

        assertThatThrownBy(() -> client.query("orders probe", tooBig, java.util.Map.of(), new io.tieout.extract.SourceStats()))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining(SOURCE + ": orders probe failed: GraphQL error: ")
                .hasMessageContaining("at most 250");
        String unknownFilter = "query { orders(first: 5, query: \"finacial_status:paid\") { edges { cursor } pageInfo { hasNextPage endCursor } } }";
        assertThatThrownBy(() -> client.query("orders probe", unknownFilter, java.util.Map.of(), new io.tieout.extract.SourceStats()))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("ignored search field 'finacial_status'");
    }
}
