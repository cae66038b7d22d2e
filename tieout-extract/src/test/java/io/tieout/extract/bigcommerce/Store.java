package io.tieout.extract.bigcommerce;

import io.tieout.sandbox.payload.BigCommercePayloads;
import io.tieout.sandbox.scenario.CommerceOrder;
import io.tieout.sandbox.scenario.SourceRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small BigCommerce stores for the tests, in the payload shapes the scenario generator writes. */
final class Store {
    static final String SOURCE = "bigcommerce-b2b";
    static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

    private Store() {}

    /** Order ids from 1001, created an hour apart from T0, modified 10 minutes after creation. */
    static List<SourceRecord> orders(int n, int linesEach) {
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant created = T0.plus(Duration.ofHours(i));
            out.addAll(order(1001 + i, created, created.plus(Duration.ofMinutes(10)), linesEach,
                    i % 4 == 3 ? List.of(refund(1001 + i, 1, created.plus(Duration.ofDays(1)), "25.00")) : List.of()));
        }
        return out;
    }

    static CommerceOrder.Refund refund(long orderId, int k, Instant at, String amount) {
        return new CommerceOrder.Refund(Long.toString(orderId * 10 + k), at, new BigDecimal(amount));
    }

    /** One order, its lines (ids orderId*1000 + 1..) and refunds, as SourceRecords. */
    static List<SourceRecord> order(long id, Instant created, Instant modified, int lines, List<CommerceOrder.Refund> refunds) {
        CommerceOrder o = commerceOrder(id, created, modified, lines, refunds);
        List<SourceRecord> out = new ArrayList<>();
        out.add(new SourceRecord(SOURCE, "orders", o.id(), o.updatedAt(), BigCommercePayloads.order(o)));
        for (String[] p : BigCommercePayloads.products(o)) out.add(new SourceRecord(SOURCE, "order_products", p[0], o.createdAt(), p[1]));
        for (CommerceOrder.Refund r : o.refunds()) out.add(new SourceRecord(SOURCE, "refunds", r.id(), r.at(), BigCommercePayloads.refund(o, r)));
        return out;
    }

    static SourceRecord refundRecord(long orderId, int lines, CommerceOrder.Refund r) {
        CommerceOrder o = commerceOrder(orderId, T0, T0, lines, List.of(r));
        return new SourceRecord(SOURCE, "refunds", r.id(), r.at(), BigCommercePayloads.refund(o, r));
    }

    private static CommerceOrder commerceOrder(long id, Instant created, Instant modified, int lines,
                                               List<CommerceOrder.Refund> refunds) {
        List<CommerceOrder.Line> ls = new ArrayList<>();
        for (int l = 1; l <= lines; l++) {
            ls.add(new CommerceOrder.Line(Long.toString(id * 1000 + l), "VX-" + l, 1 + l % 3, new BigDecimal("40.00"),
                    l % 5 == 0 ? new BigDecimal("4.00") : BigDecimal.ZERO, false));
        }
        return new CommerceOrder(SOURCE, CommerceOrder.Platform.BIGCOMMERCE, Long.toString(id), Long.toString(id), created,
                modified, null, false, false, new BigDecimal("0.08"), "USD", "USD", BigDecimal.ONE,
                new CommerceOrder.Customer("77", "buyer@example.com", "Acme Wholesale"), "US", ls, new BigDecimal("12.00"),
                refunds);
    }
}
