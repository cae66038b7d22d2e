package io.tieout.sandbox.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The shape of a generated company: what tieout.yaml says about it (reporting basis, posting rules,
 * source names) plus the entities' base currencies that Intacct holds. Scenarios are generated for
 * one as-of instant and period.
 */
public record CompanySettings(String reportingCurrency, ZoneId zone, Instant asOf, LocalDate periodFrom,
                              LocalDate periodTo, Map<String, String> channelClass,
                              Map<String, String> countryEntity, String defaultEntity,
                              Map<String, String> entityCurrency, String shopifySource, String shopifyChannel,
                              String bigcommerceSource, String bigcommerceChannel, String intacctSource,
                              String fxSource, String synclogSource, String guestCustomerId) {

    /** Vortex Distribution (reconciliation.md §6): US parent in USD, Canadian sub in CAD. */
    public static CompanySettings vortex() {
        return new CompanySettings("USD", ZoneId.of("America/New_York"), Instant.parse("2026-05-02T04:00:00Z"),
                LocalDate.parse("2026-04-02"), LocalDate.parse("2026-05-01"),
                Map.of("B2B", "WHOLESALE", "D2C", "RETAIL_D2C"), Map.of("US", "VDI-US", "CA", "VDI-CA"), "VDI-US",
                Map.of("VDI-US", "USD", "VDI-CA", "CAD"), "shopify-d2c", "D2C", "bigcommerce-b2b", "B2B", "intacct",
                "fx", "synclog", "GUEST");
    }

    public boolean inPeriod(LocalDate d) {
        return !d.isBefore(periodFrom) && !d.isAfter(periodTo);
    }

    public LocalDate localDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    public String entityFor(String country) {
        return countryEntity.getOrDefault(country, defaultEntity);
    }
}
