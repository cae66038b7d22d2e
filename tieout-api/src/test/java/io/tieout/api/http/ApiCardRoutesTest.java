package io.tieout.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tieout.api.ApiTestServer;
import io.tieout.api.FixedBreakdownService;
import io.tieout.api.auth.Role;
import io.tieout.cards.CardScope;
import io.tieout.cards.Period;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCardRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BREAKDOWN = "/api/v1/cards/revenue-gap-breakdown";

    @TempDir
    Path dir;
    ApiTestServer api;

    @BeforeEach
    void start() {
        api = new ApiTestServer(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void cardListNamesTheEightCardsAndOnlyTheBreakdownIsAvailable() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/cards", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode cards = JSON.readTree(r.body()).get("cards");
        assertThat(cards.findValuesAsText("id")).containsExactly("revenue-gap-breakdown", "revenue-gap-vs-commerce",
                "commerce-orders-without-intacct-order", "revenue-gap-spike", "revenue-booked-into-gl",
                "revenue-by-entity", "inventory-sync-drift", "commerce-total-revenue");
        for (JsonNode c : cards) {
            assertThat(c.get("title").asText()).isNotBlank();
            assertThat(c.get("description").asText()).isNotBlank();
            assertThat(c.get("available").asBoolean()).isEqualTo(c.get("id").asText().equals("revenue-gap-breakdown"));
        }
    }

    @Test
    void breakdownJsonFollowsTheContractWithMoneyAsTwoDigitStrings() throws Exception {
        HttpResponse<String> r = api.get(BREAKDOWN + "?from=2026-04-02&to=2026-05-01", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode b = JSON.readTree(r.body());

        assertThat(b.get("card").asText()).isEqualTo("revenue-gap-breakdown");
        assertThat(b.get("period")).isEqualTo(JSON.readTree(
                "{\"from\":\"2026-04-02\",\"to\":\"2026-05-01\",\"timezone\":\"America/New_York\"}"));
        assertThat(b.get("asOf").asText()).isEqualTo("2026-05-02T04:00:00Z");
        assertThat(b.get("currency").asText()).isEqualTo("USD");
        assertTextual(b, "commerceRevenue", "4820400.00");
        assertTextual(b, "glRevenue", "4616800.00");
        assertTextual(b, "gap", "203600.00");
        assertTextual(b, "gapPct", "4.22");
        assertTextual(b.get("alert"), "thresholdPct", "5.00");
        assertThat(b.get("alert").get("firing").isBoolean()).isTrue();
        assertThat(b.get("identity").get("holds").asBoolean()).isTrue();
        assertTextual(b.get("identity"), "unexplained", "0.00");

        JsonNode reasons = b.get("reasons");
        assertThat(reasons.findValuesAsText("cause")).containsExactly("unmapped_order", "tax_basis", "fx_rate", "sync_lag");
        JsonNode unmapped = reasons.get(0);
        assertThat(unmapped.get("label").asText()).isEqualTo("Unmapped orders");
        assertTextual(unmapped, "amount", "128400.00");
        assertTextual(unmapped, "affectedAmount", "128400.00");
        assertTextual(unmapped, "pctOfGap", "63.06");
        assertThat(unmapped.get("orders").isIntegralNumber()).isTrue();
        assertThat(unmapped.get("orders").asLong()).isEqualTo(86);
        assertThat(unmapped.get("owningDimension").asText()).isEqualTo("Customer + Item");
        assertThat(unmapped.get("recoverable").asText()).isEqualTo("yes, with sync fix");
        JsonNode diagnosis = unmapped.get("diagnoses").get(0);
        assertThat(diagnosis.get("diagnosis").asText()).isEqualTo("customer_missing");
        assertThat(diagnosis.get("orders").asLong()).isEqualTo(52);
        assertTextual(diagnosis, "amount", "78400.00");
        assertThat(diagnosis.get("owningDimension").asText()).isEqualTo("Customer");
        assertThat(diagnosis.get("action").asText()).isNotBlank();
        assertTextual(reasons.get(1), "pctOfGap", "24.66");
        assertTextual(reasons.get(2), "amount", "0.00");
        assertTextual(reasons.get(3), "amount", "24999.50");
        assertThat(reasons.get(2).get("diagnoses").isArray()).isTrue();

        JsonNode definitions = b.get("definitions");
        assertThat(definitions.get("taxBasis").asText()).isEqualTo("net of tax");
        assertThat(definitions.get("revenueAccounts").asText()).isEqualTo("4000-4999");
    }

    @Test
    void moneyIsNeverAJsonNumber() throws Exception {
        JsonNode b = JSON.readTree(api.get(BREAKDOWN, Role.OWNER).body());
        List<JsonNode> numbers = new ArrayList<>();
        collectNumbers(b, "", numbers);
        // Only order counts are numbers.
        assertThat(numbers).allSatisfy(n -> assertThat(n.isIntegralNumber()).isTrue());
    }

    @Test
    void withoutFromAndToTheServiceDefaultPeriodIsUsed() throws Exception {
        JsonNode b = JSON.readTree(api.get(BREAKDOWN, Role.FINANCE).body());
        assertThat(api.cards.lastPeriod).isEqualTo(FixedBreakdownService.DEFAULT_PERIOD);
        assertThat(b.get("period").get("from").asText()).isEqualTo("2026-04-02");
    }

    @Test
    void onlyToGivenKeepsTheDefaultLengthEndingOnTo() {
        api.get(BREAKDOWN + "?to=2026-03-31", Role.FINANCE);
        assertThat(api.cards.lastPeriod).isEqualTo(new Period(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31")));
    }

    @Test
    void scopeParametersReachTheCard() {
        api.get(BREAKDOWN + "?entity=US01&channel=web&source=shopify", Role.CONTROLLER);
        assertThat(api.cards.lastScope).isEqualTo(new CardScope("US01", "web", "shopify"));
        api.get(BREAKDOWN, Role.CONTROLLER);
        assertThat(api.cards.lastScope).isEqualTo(CardScope.ALL);
    }

    @Test
    void breakdownAsCsvViaFormatParameterHasOneRowPerReasonInOrder() {
        HttpResponse<String> r = api.get(BREAKDOWN + "?format=csv", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("cause,label,amount,affectedAmount,pctOfGap,orders,owningDimension,recoverable,currency,from,to");
        assertThat(lines[1]).isEqualTo("unmapped_order,Unmapped orders,128400.00,128400.00,63.06,86,Customer + Item,\"yes, with sync fix\",USD,2026-04-02,2026-05-01");
        assertThat(lines[2]).startsWith("tax_basis,\"Tax basis, \"\"gross\"\" vs net\",50200.50,");
        assertThat(lines[3]).startsWith("fx_rate,");
        assertThat(lines[4]).startsWith("sync_lag,");
    }

    @Test
    void breakdownAsCsvViaAcceptHeader() {
        HttpResponse<String> r = api.send(api.request(BREAKDOWN, Role.FINANCE).header("Accept", "text/csv").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(r.body()).startsWith("cause,label,amount");
    }

    @Test
    void formatParameterWinsOverAcceptHeader() {
        HttpResponse<String> r = api.send(api.request(BREAKDOWN + "?format=json", Role.FINANCE).header("Accept", "text/csv").GET());
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }

    @Test
    void drillReturnsTheGapLinesWithGlLinesNestedAndMoneyAsStrings() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/cards/revenue-gap-breakdown/drill?cause=unmapped_order&dimension=Customer&member=Acme"
                + "&from=2026-04-01&to=2026-04-30", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = JSON.readTree(r.body());
        assertThat(d.get("cause").asText()).isEqualTo("unmapped_order");
        assertThat(d.get("dimension").asText()).isEqualTo("customer");
        assertThat(d.get("member").asText()).isEqualTo("Acme");
        assertThat(api.cards.lastPeriod).isEqualTo(new Period(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30")));
        JsonNode lines = d.get("lines");
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        assertThat(first.get("orderNumber").asText()).isEqualTo("#1001");
        assertThat(first.get("orderDate").asText()).isEqualTo("2026-04-03");
        assertThat(first.get("class").asText()).isEqualTo("retail");
        assertTextual(first, "amount", "1200.50");
        JsonNode gl = lines.get(1).get("glLines");
        assertThat(gl).hasSize(2);
        assertThat(gl.get(0).get("recordNo").asText()).isEqualTo("GL-9");
        assertTextual(gl.get(0), "amount", "970.00");
        assertThat(lines.get(1).get("project").isNull()).isTrue();
    }

    @Test
    void drillWithoutMemberMeansAllMembers() throws Exception {
        JsonNode d = JSON.readTree(api.get("/api/v1/cards/revenue-gap-breakdown/drill?cause=tax_basis&dimension=entity", Role.FINANCE).body());
        assertThat(d.get("member").isNull()).isTrue();
    }

    @Test
    void drillAsCsvHasOneRowPerGapLineAndDefusesFormulas() {
        HttpResponse<String> r = api.get("/api/v1/cards/revenue-gap-breakdown/drill?cause=unmapped_order&dimension=customer&format=csv", Role.FINANCE);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("cause,diagnosis,orderKey,source,orderNumber,orderDate,customer,");
        assertThat(lines[1]).contains(",\"Acme, Inc.\",").contains(",1200.50,");
        assertThat(lines[2]).contains(",\"'=HYPERLINK(\"\"x\"\")\",").contains(",-30.00,").endsWith(",GL-9;GL-10,970.10");
    }

    @Test
    void drillAsCsvViaAcceptHeader() {
        HttpResponse<String> r = api.send(api.request("/api/v1/cards/revenue-gap-breakdown/drill?cause=unmapped_order&dimension=item", Role.FINANCE)
                .header("Accept", "text/csv, application/json;q=0.5").GET());
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    }

    @Test
    void anUnknownCardIs404Problem() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/cards/no-such-card", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(404);
        assertThat(p.get("detail").asText()).contains("no-such-card");
    }

    @Test
    void aPlannedCardNotYetAvailableIs404SayingSo() throws Exception {
        HttpResponse<String> r = api.get("/api/v1/cards/inventory-sync-drift", Role.FINANCE);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("not available");
        // a server started without a config serves only the breakdown
        HttpResponse<String> spike = api.get("/api/v1/cards/revenue-gap-spike", Role.FINANCE);
        assertThat(spike.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(spike.body()).get("detail").asText()).contains("not served by this server");
    }

    @Test
    void apiResponsesAreNotCached() {
        HttpResponse<String> r = api.get(BREAKDOWN, Role.FINANCE);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static void assertTextual(JsonNode node, String field, String expected) {
        JsonNode v = node.get(field);
        assertThat(v).as(field).isNotNull();
        assertThat(v.isTextual()).as(field + " is a string").isTrue();
        assertThat(v.asText()).as(field).isEqualTo(expected);
    }

    private static void collectNumbers(JsonNode node, String path, List<JsonNode> out) {
        if (node.isNumber()) out.add(node);
        node.fields().forEachRemaining(e -> collectNumbers(e.getValue(), path + "." + e.getKey(), out));
        if (node.isArray()) node.forEach(n -> collectNumbers(n, path + "[]", out));
    }
}
