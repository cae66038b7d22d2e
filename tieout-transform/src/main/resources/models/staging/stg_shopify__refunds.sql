-- Shopify refunds (Order.refunds), ex-tax: refunded line subtotals plus refunded shipping, less the
-- tax inside them when the shop prices tax-inclusive. NULL amount = non-numeric money in the payload.
WITH orders AS (
    SELECT r.source, r.id AS order_id, r.payload,
           coalesce(CAST({{ json_str(r.payload, '$.taxesIncluded') }} AS BOOLEAN), false) AS taxes_included
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'shopify'
    WHERE r.object = 'orders'
)
SELECT o.source, o.order_id,
       {{ json_str(rf.value, '$.id') }} AS refund_id,
       {{ parse_iso_ts({{ json_str(rf.value, '$.createdAt') }}) }} AS refunded_at,
       {{ money(
           {{ json_sum(rf.value, '$.refundLineItems.nodes', '$.subtotalSet.shopMoney.amount') }}
         - CASE WHEN o.taxes_included THEN {{ json_sum(rf.value, '$.refundLineItems.nodes', '$.totalTaxSet.shopMoney.amount') }} ELSE 0 END
         + {{ json_sum(rf.value, '$.refundShippingLines.nodes', '$.subtotalAmountSet.shopMoney.amount') }}
         - CASE WHEN o.taxes_included THEN {{ json_sum(rf.value, '$.refundShippingLines.nodes', '$.taxAmountSet.shopMoney.amount') }} ELSE 0 END
       ) }} AS amount_trx
FROM orders o
{{ json_rows(o.payload, '$.refunds', rf) }}
