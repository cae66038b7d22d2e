package io.tieout.sandbox.scenario;

import io.tieout.sandbox.payload.IntacctPayloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Items, dimension members and entities of the generated company's Intacct tenant. */
final class IntacctMasterData {
    private static final Instant MODIFIED = Instant.parse("2026-01-05T12:00:00Z");

    private IntacctMasterData() {}

    static List<SourceRecord> records(CompanyBuilder b) {
        CompanySettings s = b.settings();
        List<SourceRecord> out = new ArrayList<>();
        TreeSet<String> skus = new TreeSet<>();
        b.orders().values().forEach(o -> o.lines().forEach(l -> skus.add(l.sku())));
        for (String sku : skus) {
            if (b.missingItems().contains(sku)) continue;
            out.add(rec(s, "ITEM", "ITEM-" + sku, Map.of("ITEMID", sku, "NAME", "Item " + sku, "STATUS", "active")));
        }
        for (String classId : new TreeSet<>(s.channelClass().values())) {
            out.add(rec(s, "CLASS", "CLASS-" + classId, Map.of("CLASSID", classId, "NAME", classId.replace('_', ' '))));
        }
        out.add(rec(s, "DEPARTMENT", "D1", Map.of("DEPARTMENTID", "SALES", "TITLE", "Sales")));
        out.add(rec(s, "LOCATION", "L1", Map.of("LOCATIONID", "US-EAST", "NAME", "US East warehouse")));
        out.add(rec(s, "LOCATION", "L2", Map.of("LOCATIONID", "CA-ON", "NAME", "Ontario warehouse")));
        for (Map.Entry<String, String> e : s.entityCurrency().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            out.add(rec(s, "LOCATIONENTITY", "ENTITY-" + e.getKey(), Map.of("LOCATIONID", e.getKey(), "NAME", e.getKey(), "CURRENCY", e.getValue())));
        }
        Map<String, String> guest = new LinkedHashMap<>();
        guest.put("CUSTOMERID", s.guestCustomerId());
        guest.put("NAME", "Web guest checkouts");
        guest.put("STATUS", "active");
        out.add(rec(s, "CUSTOMER", "G1", guest));
        return out;
    }

    private static SourceRecord rec(CompanySettings s, String object, String id, Map<String, String> fields) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("RECORDNO", id);
        f.putAll(fields);
        f.put("WHENMODIFIED", IntacctPayloads.timestamp(MODIFIED));
        return new SourceRecord(s.intacctSource(), object, id, MODIFIED, IntacctPayloads.record(f));
    }
}
