package io.tieout.sandbox.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.sandbox.scenario.CommerceOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BigCommerce shapes: V2 order (money as 4-place decimal strings, RFC-2822 dates), V2 order product
 * lines, V3 refunds (money as JSON numbers).
 */
public final class BigCommercePayloads {
    public static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private BigCommercePayloads() {}

    public static String rfc2822(Instant t) { return RFC_2822.format(t); }

    public static String order(CommerceOrder o) {
        ObjectNode n = Json.object();
        n.put("id", Long.parseLong(o.id()));
        n.put("customer_id", o.customer().commerceId() == null ? 0 : Long.parseLong(o.customer().commerceId()));
        n.put("date_created", rfc2822(o.createdAt()));
        n.put("date_modified", rfc2822(o.updatedAt()));
        boolean cancelled = o.cancelledAt() != null;
        n.put("status_id", cancelled ? 5 : o.refunds().isEmpty() ? 10 : 14);
        n.put("status", cancelled ? "Cancelled" : o.refunds().isEmpty() ? "Completed" : "Partially Refunded");
        BigDecimal products = o.lines().stream().map(CommerceOrder.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal productTax = o.lines().stream().map(l -> o.taxOn(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shippingTax = o.taxOn(o.shipping());
        BigDecimal discounts = o.lines().stream().map(CommerceOrder.Line::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        n.put("subtotal_ex_tax", Json.money(products.add(discounts), 4));
        n.put("subtotal_inc_tax", Json.money(products.add(discounts).add(productTax), 4));
        n.put("subtotal_tax", Json.money(productTax, 4));
        n.put("base_shipping_cost", Json.money(o.shipping(), 4));
        n.put("shipping_cost_ex_tax", Json.money(o.shipping(), 4));
        n.put("shipping_cost_inc_tax", Json.money(o.shipping().add(shippingTax), 4));
        n.put("shipping_cost_tax", Json.money(shippingTax, 4));
        n.put("handling_cost_ex_tax", "0.0000");
        n.put("wrapping_cost_ex_tax", "0.0000");
        n.put("total_ex_tax", Json.money(products.add(o.shipping()), 4));
        n.put("total_inc_tax", Json.money(products.add(o.shipping()).add(productTax).add(shippingTax), 4));
        n.put("total_tax", Json.money(productTax.add(shippingTax), 4));
        n.put("discount_amount", Json.money(discounts, 4));
        n.put("coupon_discount", "0.0000");
        n.put("gift_certificate_amount", "0.0000");
        n.put("refunded_amount", Json.money(o.refunds().stream().map(CommerceOrder.Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add), 4));
        n.put("is_tax_inclusive_pricing", o.taxInclusive());
        n.put("currency_code", o.presentmentCurrency());
        n.put("default_currency_code", o.currency());
        n.put("is_deleted", false);
        n.put("order_source", "b2b");
        n.put("channel_id", 1);
        ObjectNode billing = n.putObject("billing_address");
        billing.put("company", o.customer().company() == null ? "" : o.customer().company());
        billing.put("email", o.customer().email());
        billing.put("country_iso2", o.country());
        return Json.write(n);
    }

    /** One payload per product line, as GET /v2/orders/{id}/products pages them. */
    public static List<String[]> products(CommerceOrder o) {
        List<String[]> out = new ArrayList<>();
        for (CommerceOrder.Line l : o.lines()) {
            ObjectNode p = Json.object();
            p.put("id", Long.parseLong(l.lineId()));
            p.put("order_id", Long.parseLong(o.id()));
            p.put("sku", l.sku());
            p.put("quantity", l.quantity());
            BigDecimal gross = l.amount().add(l.discount());
            BigDecimal unit = gross.divide(BigDecimal.valueOf(l.quantity()), 4, java.math.RoundingMode.HALF_EVEN);
            p.put("base_price", Json.money(unit, 4));
            p.put("price_ex_tax", Json.money(unit, 4));
            p.put("total_ex_tax", Json.money(gross, 4));
            p.put("total_inc_tax", Json.money(gross.add(o.taxOn(l.amount())), 4));
            p.put("quantity_refunded", 0);
            if (l.discount().signum() != 0) {
                ObjectNode d = p.putArray("applied_discounts").addObject();
                d.put("id", "coupon");
                d.put("amount", Json.money(l.discount(), 4));
            } else {
                p.putArray("applied_discounts");
            }
            out.add(new String[] {l.lineId(), Json.write(p)});
        }
        return out;
    }

    public static String refund(CommerceOrder o, CommerceOrder.Refund r) {
        ObjectNode n = Json.object();
        n.put("id", Long.parseLong(r.id()));
        n.put("order_id", Long.parseLong(o.id()));
        n.put("created", r.at().atOffset(ZoneOffset.UTC).toString());
        n.put("reason", "returned goods");
        BigDecimal tax = o.taxOn(r.amount());
        n.put("total_amount", r.amount().add(tax));
        n.put("total_tax", tax);
        n.put("uses_merchant_override_values", false);
        ObjectNode pay = n.putArray("payments").addObject();
        pay.put("provider_id", "braintree");
        pay.put("amount", r.amount().add(tax));
        pay.put("offline", false);
        pay.put("is_declined", false);
        ObjectNode item = n.putArray("items").addObject();
        item.put("item_type", "PRODUCT");
        item.put("item_id", Long.parseLong(o.lines().get(0).lineId()));
        item.put("quantity", 1);
        item.put("requested_amount", Json.money(r.amount().add(tax), 2));
        return Json.write(n);
    }
}
