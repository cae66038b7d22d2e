package io.tieout.sandbox.scenario;

import io.tieout.sandbox.payload.BigCommercePayloads;
import io.tieout.sandbox.payload.IntacctPayloads;
import io.tieout.sandbox.payload.ShopifyPayloads;
import io.tieout.sandbox.payload.SyncLogPayloads;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a company's source records one business event at a time (an order placed, an invoice
 * posted, a refund, a credit memo, a journal) and keeps C(P) and G(P) as the events imply them.
 * The scenario classes on top add each planted cause's amount to the ground truth.
 */
public final class CompanyBuilder {
    static final Set<String> REVENUE_ACCOUNTS = Set.of("4000", "4900");

    private final CompanySettings s;
    private final FxCurve fx;
    private final GroundTruth truth = new GroundTruth();
    private final Map<String, CommerceOrder> orders = new LinkedHashMap<>();
    private final List<SourceRecord> intacct = new ArrayList<>();
    private final List<SourceRecord> syncLog = new ArrayList<>();
    private boolean intacctMonthlyAverageRates;
    /** commerce customer key (source:id, or email for guests) -> Intacct CUSTOMERID the map expects. */
    private final Map<String, String> customerMap = new LinkedHashMap<>();
    private final Set<String> missingItems = new java.util.TreeSet<>();
    /** Intacct CUSTOMERID -> the entity it is private to (MEGAENTITYID), for customers that have one. */
    private final Map<String, String> customerEntity = new LinkedHashMap<>();
    private final Set<String> syncErrorNumbers = new java.util.TreeSet<>();
    private long nextId = 1;

    public CompanyBuilder(CompanySettings settings, FxCurve fx) {
        this.s = settings;
        this.fx = fx;
    }

    /** Starts the ids of orders, lines and documents here: chunks of one company never collide. */
    public CompanyBuilder firstId(long id) {
        this.nextId = id;
        return this;
    }

    public CompanySettings settings() { return s; }

    public FxCurve fx() { return fx; }

    /**
     * Whether Intacct converts foreign-currency documents into the entity's base currency at the
     * posting month's average rate (an average rate type) instead of the posting date's daily rate.
     */
    public CompanyBuilder intacctMonthlyAverageRates(boolean on) {
        this.intacctMonthlyAverageRates = on;
        return this;
    }

    GroundTruth truth() { return truth; }

    public long nextId() { return nextId++; }

    // ---------------------------------------------------------------- master data

    /** An Intacct customer; mappedCommerceId links it to a commerce customer; privateEntity = MEGAENTITYID. */
    public void intacctCustomer(String customerId, String name, String email, String mappedCommerceId, String privateEntity) {
        Map<String, String> f = new LinkedHashMap<>();
        // Keyed by its CUSTOMERID, so the same customer generated twice (chunked companies) is one record.
        f.put("RECORDNO", "CUST-" + customerId);
        f.put("CUSTOMERID", customerId);
        f.put("NAME", name);
        f.put("DISPLAYCONTACT.EMAIL1", email);
        f.put("COMMERCE_CUSTOMER_ID", mappedCommerceId);
        f.put("MEGAENTITYID", privateEntity);
        if (privateEntity != null) customerEntity.put(customerId, privateEntity);
        f.put("STATUS", "active");
        f.put("WHENMODIFIED", IntacctPayloads.timestamp(Instant.parse("2026-01-05T12:00:00Z")));
        intacct.add(new SourceRecord(s.intacctSource(), "CUSTOMER", f.get("RECORDNO"), Instant.parse("2026-01-05T12:00:00Z"),
                IntacctPayloads.record(f)));
    }

    /** A SKU whose Intacct item has not been created (item_missing). */
    public void withoutIntacctItem(String sku) { missingItems.add(sku); }

    Set<String> missingItems() { return missingItems; }

    /** The entity an Intacct customer is private to, or null when it is visible to every entity. */
    String customerEntity(String customerId) { return customerEntity.get(customerId); }

    boolean hasSyncError(CommerceOrder o) { return syncErrorNumbers.contains(o.number()); }

    /** Tells the builder which Intacct customer an order's customer is expected to post to. */
    public void expectCustomer(String source, CommerceOrder.Customer c, String intacctCustomerId) {
        customerMap.put(customerKey(source, c), intacctCustomerId);
    }

    public void intacctRecord(String object, Map<String, String> fields) {
        String recordNo = Long.toString(nextId());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("RECORDNO", recordNo);
        f.putAll(fields);
        intacct.add(new SourceRecord(s.intacctSource(), object, recordNo, Instant.parse("2026-01-05T12:00:00Z"), IntacctPayloads.record(f)));
    }

    // ---------------------------------------------------------------- commerce events

    public CommerceOrder place(CommerceOrder o) {
        if (orders.containsKey(o.orderKey())) throw new IllegalStateException("order placed twice: " + o.orderKey());
        orders.put(o.orderKey(), o);
        return o;
    }

    public CommerceOrder refund(CommerceOrder o, Instant at, BigDecimal amount) {
        CommerceOrder updated = orders.get(o.orderKey()).withRefund(new CommerceOrder.Refund(Long.toString(nextId()), at, amount), at);
        orders.put(o.orderKey(), updated);
        return updated;
    }

    public CommerceOrder cancel(CommerceOrder o, Instant at) {
        CommerceOrder updated = orders.get(o.orderKey()).cancelled(at);
        orders.put(o.orderKey(), updated);
        return updated;
    }

    // ---------------------------------------------------------------- integration events

    /** The sync log records that pushing the order to Intacct failed (source synclog, object errors). */
    public void syncError(CommerceOrder o, String message, Instant at) {
        String id = "err-" + nextId();
        syncErrorNumbers.add(o.number());
        syncLog.add(new SourceRecord(s.synclogSource(), "errors", id, at, SyncLogPayloads.error(o.number(), message, at)));
    }

    // ---------------------------------------------------------------- Intacct events

    /** How a document is booked; {@link #expected} gives what the posting rules want. */
    public record Booking(String entity, String customerId, String classId, String itemOverride, String department,
                          String location, String project) {
        public Booking withClass(String c) { return new Booking(entity, customerId, c, itemOverride, department, location, project); }
        public Booking withCustomer(String c) { return new Booking(entity, c, classId, itemOverride, department, location, project); }
        public Booking withItem(String i) { return new Booking(entity, customerId, classId, i, department, location, project); }
    }

    public Booking expected(CommerceOrder o) {
        String entity = s.entityFor(o.country());
        String channel = o.source().equals(s.shopifySource()) ? s.shopifyChannel() : s.bigcommerceChannel();
        String customer = customerMap.get(customerKey(o.source(), o.customer()));
        return new Booking(entity, customer, s.channelClass().get(channel), null, "SALES",
                entity.equals("VDI-CA") ? "CA-ON" : "US-EAST", null);
    }

    /** A Sales Order document only (nothing posts to the GL); state e.g. Pending or Voided. */
    public String salesOrder(CommerceOrder o, LocalDate date, String state) {
        String docNo = "SO-" + nextId();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("DOCNO", docNo);
        f.put("DOCID", "Sales Order-" + docNo);
        f.put("DOCPARID", "Sales Order");
        f.put("STATE", state);
        f.put("PONUMBER", o.number());
        f.put("CUSTVENDID", expected(o).customerId());
        f.put("MEGAENTITYID", expected(o).entity());
        f.put("WHENCREATED", IntacctPayloads.timestamp(createdOn(date)));
        intacctRecord("SODOCUMENT", f);
        return docNo;
    }

    /** Sales Invoice + AR invoice + its GL lines (one per revenue line, tax and receivable too). */
    public String invoice(CommerceOrder o, LocalDate posting) {
        return invoice(o, posting, expected(o), o.revenueLines());
    }

    public String invoice(CommerceOrder o, LocalDate posting, Booking b) {
        return invoice(o, posting, b, o.revenueLines());
    }

    /** As above with explicit line amounts (a partial or mis-keyed posting). */
    public String invoice(CommerceOrder o, LocalDate posting, Booking b, List<BigDecimal> lineAmounts) {
        String invoiceId = "INV-" + nextId();
        Map<String, String> so = new LinkedHashMap<>();
        so.put("DOCNO", "SI-" + invoiceId.substring(4));
        so.put("DOCID", "Sales Invoice-SI-" + invoiceId.substring(4));
        so.put("DOCPARID", "Sales Invoice");
        so.put("STATE", "Converted");
        so.put("PONUMBER", o.number());
        so.put("CUSTVENDID", b.customerId());
        so.put("MEGAENTITYID", b.entity());
        so.put("WHENCREATED", IntacctPayloads.timestamp(createdOn(posting)));
        intacctRecord("SODOCUMENT", so);
        arHeader("ARINVOICE", invoiceId, o, b, posting);
        List<String> skus = o.lines().stream().filter(l -> !l.giftCard()).map(CommerceOrder.Line::sku).toList();
        for (int i = 0; i < lineAmounts.size(); i++) {
            boolean product = i < skus.size();
            String item = product ? (b.itemOverride() != null ? b.itemOverride() : skus.get(i)) : null;
            glLine("arinvoice", invoiceId, o, b, posting, product ? "4000" : "4900", "-1", lineAmounts.get(i), item);
        }
        BigDecimal tax = lineAmounts.stream().map(o::taxOn).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (tax.signum() != 0) glLine("arinvoice", invoiceId, o, b, posting, "2200", "-1", tax, null);
        BigDecimal total = lineAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(tax);
        glLine("arinvoice", invoiceId, o, b, posting, "1200", "1", total, null);
        return invoiceId;
    }

    /** AR adjustment (credit memo) for a refund: debits revenue by the refund's ex-tax amount. */
    public String creditMemo(CommerceOrder o, BigDecimal amount, LocalDate posting, Booking b) {
        String adjId = "ADJ-" + nextId();
        arHeader("ARADJUSTMENT", adjId, o, b, posting);
        glLine("aradjustment", adjId, o, b, posting, "4000", "1", amount, b.itemOverride() != null ? b.itemOverride() : o.lines().get(0).sku());
        glLine("aradjustment", adjId, o, b, posting, "1200", "-1", amount, null);
        return adjId;
    }

    /** A manual journal to a revenue account: links to no order. */
    public void journal(LocalDate posting, String account, BigDecimal credit, String entity) {
        Booking b = new Booking(entity, null, null, null, "SALES", null, null);
        glLine("gljournal", "GJ-" + nextId(), null, b, posting, account, "-1", credit, null);
    }

    private void arHeader(String object, String recordId, CommerceOrder o, Booking b, LocalDate posting) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("RECORDID", recordId);
        f.put("DOCNUMBER", o.number());
        f.put("CUSTOMERID", b.customerId());
        f.put("STATE", "Posted");
        f.put("CURRENCY", o.currency());
        f.put("BASECURR", s.entityCurrency().get(b.entity()));
        f.put("MEGAENTITYID", b.entity());
        f.put("WHENCREATED", IntacctPayloads.timestamp(createdOn(posting)));
        f.put("WHENPOSTED", IntacctPayloads.date(posting));
        intacctRecord(object, f);
    }

    private void glLine(String recordType, String recordId, CommerceOrder o, Booking b, LocalDate posting, String account,
                        String trType, BigDecimal trxAmount, String item) {
        String base = s.entityCurrency().get(b.entity());
        String trxCurrency = o == null ? base : o.currency();
        BigDecimal baseAmount = trxCurrency.equals(base) ? trxAmount : baseAmountOf(trxAmount, trxCurrency, base, posting);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("BATCHNO", Long.toString(nextId()));
        f.put("ENTRY_DATE", IntacctPayloads.date(posting));
        f.put("ACCOUNTNO", account);
        f.put("TR_TYPE", trType);
        f.put("AMOUNT", baseAmount.toPlainString());
        f.put("TRX_AMOUNT", trxAmount.toPlainString());
        f.put("CURRENCY", trxCurrency);
        f.put("BASECURR", base);
        f.put("RECORDTYPE", recordType);
        f.put("RECORDID", recordId);
        f.put("DOCNUMBER", o == null ? null : o.number());
        f.put("CUSTOMERID", b.customerId());
        f.put("CLASSID", b.classId());
        f.put("DEPARTMENTID", b.department());
        f.put("LOCATIONID", b.location());
        f.put("PROJECTID", b.project());
        f.put("ITEMID", item);
        f.put("CHILDENTITY", b.entity());
        f.put("ENTRY_STATE", "Posted");
        f.put("WHENCREATED", IntacctPayloads.timestamp(createdOn(posting)));
        intacctRecord("GLDETAIL", f);
        if (REVENUE_ACCOUNTS.contains(account) && s.inPeriod(posting)) {
            BigDecimal signed = trType.equals("-1") ? baseAmount : baseAmount.negate();
            truth.addGl(FxCurve.convert(signed, fx.rate(base, posting, s.reportingCurrency())));
        }
    }

    /** Intacct converts foreign-currency documents into the entity's base currency at the posting date. */
    private BigDecimal baseAmountOf(BigDecimal trx, String trxCurrency, String base, LocalDate posting) {
        if (!base.equals(s.reportingCurrency())) {
            throw new IllegalArgumentException("generator converts " + trxCurrency + " only into the reporting currency, not " + base);
        }
        BigDecimal rate = intacctMonthlyAverageRates ? fx.monthAverage(trxCurrency, posting, s.reportingCurrency())
                : fx.rate(trxCurrency, posting, s.reportingCurrency());
        return FxCurve.convert(trx, rate);
    }

    /** Documents are entered on their posting date, mid-day UTC, never after T. */
    private Instant createdOn(LocalDate date) {
        Instant t = date.atTime(LocalTime.of(18, 0)).toInstant(ZoneOffset.UTC);
        return t.isAfter(s.asOf()) ? s.asOf().minusSeconds(60) : t;
    }

    // ---------------------------------------------------------------- amounts the truth is stated in

    /** What an order puts into C(P) through its order date (0 outside P, cancelled or test). */
    public BigDecimal commerceAmount(CommerceOrder o) {
        LocalDate d = s.localDate(o.createdAt());
        if (o.test() || !s.inPeriod(d) || cancelledByT(o)) return zero();
        return o.revenueLines().stream().map(a -> FxCurve.convert(a, fx.rate(o.currency(), d, s.reportingCurrency())))
                .reduce(zero(), BigDecimal::add);
    }

    public BigDecimal refundAmount(CommerceOrder o, CommerceOrder.Refund r) {
        return FxCurve.convert(r.amount(), fx.rate(o.currency(), s.localDate(r.at()), s.reportingCurrency()));
    }

    /** The GL (reporting-currency) amount of one line of trx amount posted on a day by an entity. */
    public BigDecimal glAmount(CommerceOrder o, BigDecimal trx, LocalDate posting, String entity) {
        String base = s.entityCurrency().get(entity);
        BigDecimal baseAmount = o.currency().equals(base) ? trx : baseAmountOf(trx, o.currency(), base, posting);
        return FxCurve.convert(baseAmount, fx.rate(base, posting, s.reportingCurrency()));
    }

    public void addCause(String cause, CommerceOrder o, BigDecimal amount) {
        truth.addCause(cause, o == null ? null : o.orderKey(), amount);
    }

    public void addDiagnosis(String diagnosis, CommerceOrder o, BigDecimal amount) {
        truth.addDiagnosis(diagnosis, o.orderKey(), amount);
    }

    public void addAttribution(String cause, CommerceOrder o, String expected, String booked, BigDecimal amount) {
        truth.addAttribution(cause, o.orderKey(), expected, booked, amount);
    }

    /** Younger than the sync-lag window (24 h) at T. */
    public boolean young(CommerceOrder o) {
        return o.createdAt().isAfter(s.asOf().minus(java.time.Duration.ofHours(24)));
    }

    public boolean cancelledByT(CommerceOrder o) {
        return o.cancelledAt() != null && !o.cancelledAt().isAfter(s.asOf());
    }

    static BigDecimal zero() { return BigDecimal.ZERO.setScale(2); }

    private static String customerKey(String source, CommerceOrder.Customer c) {
        return source + ":" + (c.commerceId() != null ? c.commerceId() : "guest:" + c.email());
    }

    // ---------------------------------------------------------------- output

    public Scenario build(String name) {
        List<SourceRecord> out = new ArrayList<>();
        for (CommerceOrder o : orders.values()) {
            if (!o.test() && !o.createdAt().isAfter(s.asOf())) {
                truth.addCommerce(commerceAmount(o));
                if (!cancelledByT(o)) {
                    for (CommerceOrder.Refund r : o.refunds()) {
                        if (!r.at().isAfter(s.asOf()) && s.inPeriod(s.localDate(r.at()))) truth.addCommerce(refundAmount(o, r).negate());
                    }
                }
            }
            out.addAll(recordsOf(o));
        }
        out.addAll(intacct);
        out.addAll(syncLog);
        out.addAll(IntacctMasterData.records(this));
        out.addAll(FxRecords.records(s, fx));
        return new Scenario(name, List.copyOf(out), s.asOf(), s.periodFrom(), s.periodTo(), truth);
    }

    // ---------------------------------------------------------------- snapshots (conformance tests)

    /**
     * The commerce records of every order as it stands now, rendered as {@link #build} would, without
     * touching the truth: what a platform served before later events (a refund, an edit) happened.
     */
    public List<SourceRecord> commerceRecords() {
        List<SourceRecord> out = new ArrayList<>();
        for (CommerceOrder o : orders.values()) out.addAll(recordsOf(o));
        return out;
    }

    /** The records of one order as it stands now (its order record, and on BigCommerce its lines and refunds). */
    public List<SourceRecord> commerceRecords(CommerceOrder o) {
        return recordsOf(orders.get(o.orderKey()));
    }

    /** The order as it stands now (after refunds, cancellation, edits). */
    public CommerceOrder current(CommerceOrder o) {
        return orders.get(o.orderKey());
    }

    /**
     * A refund the platform records without moving the order's updatedAt (Shopify does not always
     * stamp the parent order; a BigCommerce refund is a V3 object of its own).
     */
    public CommerceOrder refundUnstamped(CommerceOrder o, Instant at, BigDecimal amount) {
        CommerceOrder current = orders.get(o.orderKey());
        CommerceOrder updated = current.withRefund(new CommerceOrder.Refund(Long.toString(nextId()), at, amount), current.updatedAt());
        orders.put(o.orderKey(), updated);
        return updated;
    }

    /** The order edited at {@code at}: its shipping charge becomes {@code shipping}. */
    public CommerceOrder editShipping(CommerceOrder o, Instant at, BigDecimal shipping) {
        CommerceOrder c = orders.get(o.orderKey());
        CommerceOrder updated = new CommerceOrder(c.source(), c.platform(), c.id(), c.number(), c.createdAt(), at, c.cancelledAt(),
                c.test(), c.taxInclusive(), c.taxRate(), c.currency(), c.presentmentCurrency(), c.presentmentRate(), c.customer(),
                c.country(), c.lines(), shipping, c.refunds());
        orders.put(o.orderKey(), updated);
        return updated;
    }

    private static List<SourceRecord> recordsOf(CommerceOrder o) {
        List<SourceRecord> out = new ArrayList<>();
        if (o.platform() == CommerceOrder.Platform.SHOPIFY) {
            out.add(new SourceRecord(o.source(), "orders", o.id(), o.updatedAt(), ShopifyPayloads.order(o)));
        } else {
            out.add(new SourceRecord(o.source(), "orders", o.id(), o.updatedAt(), BigCommercePayloads.order(o)));
            for (String[] p : BigCommercePayloads.products(o)) {
                out.add(new SourceRecord(o.source(), "order_products", p[0], o.createdAt(), p[1]));
            }
            for (CommerceOrder.Refund r : o.refunds()) {
                out.add(new SourceRecord(o.source(), "refunds", r.id(), r.at(), BigCommercePayloads.refund(o, r)));
            }
        }
        return out;
    }

    Map<String, CommerceOrder> orders() { return orders; }
}
