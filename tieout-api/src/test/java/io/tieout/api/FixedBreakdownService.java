package io.tieout.api;

import io.tieout.cards.BadParameterException;
import io.tieout.cards.CardScope;
import io.tieout.cards.Period;
import io.tieout.cards.breakdown.BreakdownService;
import io.tieout.cards.breakdown.GapLine;
import io.tieout.cards.breakdown.RevenueGapBreakdown;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Definitions;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Diagnosis;
import io.tieout.cards.breakdown.RevenueGapBreakdown.Reason;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Test fixture: fixed numbers (those of cards-and-api.md), remembers the last request, can be made to fail. */
public final class FixedBreakdownService implements BreakdownService {
    public static final Instant AS_OF = Instant.parse("2026-05-02T04:00:00Z");
    public static final Period DEFAULT_PERIOD = new Period(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-05-01"));
    public static final String SECRET_IN_FAILURE = "jdbc:duckdb:/secret/path password=hunter2";

    private static final Set<String> DIMENSIONS = Set.of("customer", "item", "class", "department", "location", "project", "entity");

    public volatile Period lastPeriod;
    public volatile CardScope lastScope;
    public volatile String lastDimension;
    public volatile boolean fail;

    @Override
    public RevenueGapBreakdown breakdown(Period period, CardScope scope) {
        failIfAsked();
        lastPeriod = period;
        lastScope = scope;
        List<Reason> reasons = List.of(
                new Reason("unmapped_order", "Unmapped orders", m("128400"), m("128400"), m("63.06"), 86,
                        "Customer + Item", "yes, with sync fix", List.of(
                        new Diagnosis("customer_missing", 52, m("78400"), "Customer", "create the customer in Intacct, then re-sync"),
                        new Diagnosis("item_missing", 34, m("50000"), "Item", "map the SKU to an Intacct item"))),
                new Reason("tax_basis", "Tax basis, \"gross\" vs net", m("50200.5"), m("812000"), m("24.656"), 410,
                        "Entity", "no, definitional", List.of()),
                new Reason("fx_rate", "FX rate differences", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0,
                        "Entity", "no", List.of()),
                new Reason("sync_lag", "Sync lag", m("24999.495"), m("24999.495"), m("12.28"), 19,
                        "Location", "yes, will post", List.of()));
        return new RevenueGapBreakdown(period, "America/New_York", AS_OF, "USD", m("4820400"), m("4616800"),
                m("203600"), m("4.2237"), m("5"), false, true, BigDecimal.ZERO, reasons,
                new Definitions("net of tax", "Intacct daily rate", "4000-4999", "48 hours", "order placed date", "order number"));
    }

    @Override
    public List<GapLine> drill(Period period, CardScope scope, String cause, String dimension, String member) {
        failIfAsked();
        if (!Set.of("unmapped_order", "tax_basis", "fx_rate", "sync_lag").contains(cause)) {
            throw new BadParameterException("cause", "cause '" + cause + "' is unknown; use one of unmapped_order, tax_basis, fx_rate, sync_lag");
        }
        if (!DIMENSIONS.contains(dimension.toLowerCase(Locale.ROOT))) {
            throw new BadParameterException("dimension", "dimension '" + dimension + "' is unknown");
        }
        lastPeriod = period;
        lastDimension = dimension;
        return List.of(
                new GapLine(cause, "customer_missing", "shopify:1001", "shopify", "#1001", LocalDate.parse("2026-04-03"),
                        "Acme, Inc.", "SKU-1", "retail", "sales", "NY", null, "US01", m("1200.5"), "create customer",
                        List.of()),
                new GapLine(cause, null, "shopify:1002", "shopify", "#1002", LocalDate.parse("2026-04-04"),
                        "=HYPERLINK(\"x\")", "SKU-2", null, null, null, null, "US01", m("-30"), null,
                        List.of(new GapLine.GlLineRef("GL-9", "4000", LocalDate.parse("2026-04-05"), "INV-1002", m("970")),
                                new GapLine.GlLineRef("GL-10", "4000", LocalDate.parse("2026-04-05"), "INV-1002", m("0.1")))));
    }

    @Override
    public Period defaultPeriod() {
        return DEFAULT_PERIOD;
    }

    @Override
    public Instant asOf() {
        return AS_OF;
    }

    private void failIfAsked() {
        if (fail) throw new IllegalStateException("warehouse exploded at " + SECRET_IN_FAILURE);
    }

    private static BigDecimal m(String v) {
        return new BigDecimal(v);
    }
}
