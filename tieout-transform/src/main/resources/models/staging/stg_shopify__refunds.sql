-- Shopify refunds (Order.refunds), ex-tax: refunded line subtotals plus refunded shipping, less the
-- tax inside them when the shop prices tax-inclusive. A refund that cannot be read (no id, a bad
-- createdAt, a money field that is not a number) has a `problem` saying which field and what text;
-- stg_shopify__orders quarantines its order with it.
WITH orders AS (
    SELECT r.source, r.id AS order_id, r.payload,
           coalesce(CAST({{ json_str(r.payload, '$.taxesIncluded') }} AS BOOLEAN), false) AS taxes_included
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'shopify'
    WHERE r.object = 'orders'
),
refunds AS (
    SELECT o.source, o.order_id,
           {{ json_str(rf.value, '$.id') }} AS refund_id,
           {{ parse_iso_ts({{ json_str(rf.value, '$.createdAt') }}) }} AS refunded_at,
           {{ json_str(rf.value, '$.createdAt') }} AS refunded_at_text,
           {{ json_sum(rf.value, '$.refundLineItems.nodes', '$.subtotalSet.shopMoney.amount') }} AS lines_subtotal,
           {{ json_bad_number(rf.value, '$.refundLineItems.nodes', '$.subtotalSet.shopMoney.amount') }} AS bad_lines_subtotal,
           CASE WHEN o.taxes_included THEN {{ json_sum(rf.value, '$.refundLineItems.nodes', '$.totalTaxSet.shopMoney.amount') }}
                ELSE 0 END AS lines_tax,
           CASE WHEN o.taxes_included THEN {{ json_bad_number(rf.value, '$.refundLineItems.nodes', '$.totalTaxSet.shopMoney.amount') }} END AS bad_lines_tax,
           {{ json_sum(rf.value, '$.refundShippingLines.nodes', '$.subtotalAmountSet.shopMoney.amount') }} AS shipping_subtotal,
           {{ json_bad_number(rf.value, '$.refundShippingLines.nodes', '$.subtotalAmountSet.shopMoney.amount') }} AS bad_shipping_subtotal,
           CASE WHEN o.taxes_included THEN {{ json_sum(rf.value, '$.refundShippingLines.nodes', '$.taxAmountSet.shopMoney.amount') }}
                ELSE 0 END AS shipping_tax,
           CASE WHEN o.taxes_included THEN {{ json_bad_number(rf.value, '$.refundShippingLines.nodes', '$.taxAmountSet.shopMoney.amount') }} END AS bad_shipping_tax
    FROM orders o
    {{ json_rows(o.payload, '$.refunds', rf) }}
)
SELECT source, order_id, refund_id, refunded_at,
       {{ money(lines_subtotal - lines_tax + shipping_subtotal - shipping_tax) }} AS amount_trx,
       'refund ' || coalesce(refund_id, '(no id)') || ': ' || CASE
           WHEN refund_id IS NULL THEN 'id is missing'
           WHEN refunded_at_text IS NULL THEN 'createdAt is missing'
           WHEN refunded_at IS NULL THEN 'createdAt ''' || refunded_at_text || ''' is not an ISO-8601 timestamp'
           WHEN lines_subtotal IS NULL THEN 'refundLineItems subtotalSet.shopMoney.amount'
               || CASE WHEN bad_lines_subtotal = '(missing)' THEN ' is missing' ELSE ' ''' || bad_lines_subtotal || ''' is not a number' END
           WHEN lines_tax IS NULL THEN 'refundLineItems totalTaxSet.shopMoney.amount'
               || CASE WHEN bad_lines_tax = '(missing)' THEN ' is missing' ELSE ' ''' || bad_lines_tax || ''' is not a number' END
           WHEN shipping_subtotal IS NULL THEN 'refundShippingLines subtotalAmountSet.shopMoney.amount'
               || CASE WHEN bad_shipping_subtotal = '(missing)' THEN ' is missing' ELSE ' ''' || bad_shipping_subtotal || ''' is not a number' END
           WHEN shipping_tax IS NULL THEN 'refundShippingLines taxAmountSet.shopMoney.amount'
               || CASE WHEN bad_shipping_tax = '(missing)' THEN ' is missing' ELSE ' ''' || bad_shipping_tax || ''' is not a number' END
       END AS problem
FROM refunds
