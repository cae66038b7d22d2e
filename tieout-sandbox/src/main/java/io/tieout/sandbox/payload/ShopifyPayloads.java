package io.tieout.sandbox.payload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tieout.sandbox.scenario.CommerceOrder;

import java.math.BigDecimal;

/**
 * Shopify Admin GraphQL {@code Order} nodes as the orders query returns them: MoneyBag fields with
 * shopMoney and presentmentMoney, lineItems and shippingLines as connections, refunds as a list.
 */
public final class ShopifyPayloads {
    private ShopifyPayloads() {}

    public static String order(CommerceOrder o) {
        ObjectNode n = Json.object();
        n.put("id", "gid://shopify/Order/" + o.id());
        n.put("legacyResourceId", o.id());
        n.put("name", "#" + o.number());
        n.put("createdAt", o.createdAt().toString());
        n.put("updatedAt", o.updatedAt().toString());
        if (o.cancelledAt() != null) {
            n.put("cancelledAt", o.cancelledAt().toString());
            n.put("cancelReason", "CUSTOMER");
        } else {
            n.putNull("cancelledAt");
            n.putNull("cancelReason");
        }
        n.put("test", o.test());
        n.put("taxesIncluded", o.taxInclusive());
        n.put("currencyCode", o.currency());
        n.put("presentmentCurrencyCode", o.presentmentCurrency());
        n.put("email", o.customer().email());
        n.put("displayFinancialStatus", o.refunds().isEmpty() ? "PAID" : "PARTIALLY_REFUNDED");
        if (o.customer().commerceId() == null) {
            n.putNull("customer");
        } else {
            ObjectNode c = n.putObject("customer");
            c.put("id", "gid://shopify/Customer/" + o.customer().commerceId());
            c.put("legacyResourceId", o.customer().commerceId());
            c.put("email", o.customer().email());
            ObjectNode addr = c.putObject("defaultAddress");
            addr.put("company", o.customer().company());
            addr.put("countryCodeV2", o.country());
        }
        ObjectNode ship = n.putObject("shippingAddress");
        ship.put("countryCodeV2", o.country());
        ship.put("company", o.customer().company());

        ArrayNode lines = n.putObject("lineItems").putArray("nodes");
        BigDecimal totalTax = BigDecimal.ZERO;
        for (CommerceOrder.Line l : o.lines()) {
            ObjectNode li = lines.addObject();
            li.put("id", "gid://shopify/LineItem/" + l.lineId());
            li.put("sku", l.sku());
            li.put("quantity", l.quantity());
            li.put("isGiftCard", l.giftCard());
            BigDecimal tax = o.taxOn(l.amount());
            totalTax = totalTax.add(tax);
            BigDecimal original = l.amount().add(l.discount()).add(o.taxInclusive() ? tax : BigDecimal.ZERO);
            li.set("originalTotalSet", moneyBag(original, o));
            ArrayNode allocations = li.putArray("discountAllocations");
            if (l.discount().signum() != 0) allocations.addObject().set("allocatedAmountSet", moneyBag(l.discount(), o));
            taxLines(li.putArray("taxLines"), tax, o);
        }
        ArrayNode shipping = n.putObject("shippingLines").putArray("nodes");
        if (o.shipping().signum() != 0) {
            ObjectNode sl = shipping.addObject();
            sl.put("id", "gid://shopify/ShippingLine/" + o.id());
            sl.put("title", "Standard");
            sl.put("code", "STANDARD");
            BigDecimal tax = o.taxOn(o.shipping());
            totalTax = totalTax.add(tax);
            BigDecimal price = o.shipping().add(o.taxInclusive() ? tax : BigDecimal.ZERO);
            sl.set("originalPriceSet", moneyBag(price, o));
            sl.set("discountedPriceSet", moneyBag(price, o));
            taxLines(sl.putArray("taxLines"), tax, o);
        }
        n.set("totalTaxSet", moneyBag(totalTax, o));
        n.set("totalPriceSet", moneyBag(o.netRevenue().add(totalTax), o));

        ArrayNode refunds = n.putArray("refunds");
        for (CommerceOrder.Refund r : o.refunds()) {
            ObjectNode rf = refunds.addObject();
            rf.put("id", "gid://shopify/Refund/" + r.id());
            rf.put("createdAt", r.at().toString());
            rf.put("note", "customer return");
            BigDecimal tax = o.taxOn(r.amount());
            ObjectNode rli = rf.putObject("refundLineItems").putArray("nodes").addObject();
            rli.put("quantity", 1);
            rli.put("restockType", "RETURN");
            rli.set("subtotalSet", moneyBag(r.amount().add(o.taxInclusive() ? tax : BigDecimal.ZERO), o));
            rli.set("totalTaxSet", moneyBag(tax, o));
            ObjectNode item = rli.putObject("lineItem");
            item.put("id", "gid://shopify/LineItem/" + o.lines().get(0).lineId());
            item.put("sku", o.lines().get(0).sku());
            rf.putObject("refundShippingLines").putArray("nodes");
            rf.set("totalRefundedSet", moneyBag(r.amount().add(tax), o));
        }
        return Json.write(n);
    }

    private static void taxLines(ArrayNode arr, BigDecimal tax, CommerceOrder o) {
        if (tax.signum() == 0) return;
        ObjectNode t = arr.addObject();
        t.put("title", o.taxInclusive() ? "VAT" : "Sales tax");
        t.put("rate", o.taxRate());
        t.put("ratePercentage", o.taxRate().movePointRight(2));
        t.set("priceSet", moneyBag(tax, o));
        t.put("channelLiable", false);
    }

    /** shopMoney in the shop currency; presentmentMoney in the buyer's (same amounts: rate 1 here). */
    private static ObjectNode moneyBag(BigDecimal amount, CommerceOrder o) {
        ObjectNode bag = Json.object();
        ObjectNode shop = bag.putObject("shopMoney");
        shop.put("amount", Json.money(amount, 2));
        shop.put("currencyCode", o.currency());
        ObjectNode presentment = bag.putObject("presentmentMoney");
        presentment.put("amount", Json.money(amount.multiply(o.presentmentRate()), 2));
        presentment.put("currencyCode", o.presentmentCurrency());
        return bag;
    }
}
