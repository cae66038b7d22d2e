-- Shopify refunds (Order.refunds), ex-tax: refunded line subtotals plus refunded shipping, less the
-- tax inside them when the shop prices tax-inclusive. A refund that cannot be read (no id, a bad
-- createdAt, a money field that is not a number, a list that is not a list) has a `problem` saying
-- which field and what text; stg_shopify__orders quarantines its order with it.
WITH orders AS (
    SELECT r.source, r.id AS order_id, r.payload,
           coalesce({{ json_bool(r.payload, '$.taxesIncluded') }}, false) AS taxes_included
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
           {{ json_number_problem(rf.value, '$.refundLineItems.nodes', '$.subtotalSet.shopMoney.amount') }} AS lines_subtotal_problem,
           CASE WHEN o.taxes_included THEN {{ json_sum(rf.value, '$.refundLineItems.nodes', '$.totalTaxSet.shopMoney.amount') }}
                ELSE 0 END AS lines_tax,
           CASE WHEN o.taxes_included THEN {{ json_number_problem(rf.value, '$.refundLineItems.nodes', '$.totalTaxSet.shopMoney.amount') }} END AS lines_tax_problem,
           {{ json_sum(rf.value, '$.refundShippingLines.nodes', '$.subtotalAmountSet.shopMoney.amount') }} AS shipping_subtotal,
           {{ json_number_problem(rf.value, '$.refundShippingLines.nodes', '$.subtotalAmountSet.shopMoney.amount') }} AS shipping_subtotal_problem,
           CASE WHEN o.taxes_included THEN {{ json_sum(rf.value, '$.refundShippingLines.nodes', '$.taxAmountSet.shopMoney.amount') }}
                ELSE 0 END AS shipping_tax,
           CASE WHEN o.taxes_included THEN {{ json_number_problem(rf.value, '$.refundShippingLines.nodes', '$.taxAmountSet.shopMoney.amount') }} END AS shipping_tax_problem
    FROM orders o
    {{ json_rows(o.payload, '$.refunds', rf) }}
)
SELECT source, order_id, refund_id, refunded_at,
       {{ money(lines_subtotal - lines_tax + shipping_subtotal - shipping_tax) }} AS amount_trx,
       'refund ' || coalesce(refund_id, '(no id)') || ': ' || CASE
           WHEN refund_id IS NULL THEN 'id is missing'
           WHEN refunded_at_text IS NULL THEN 'createdAt is missing'
           WHEN refunded_at IS NULL THEN 'createdAt ''' || refunded_at_text || ''' is not an ISO-8601 timestamp'
           WHEN lines_subtotal IS NULL THEN coalesce(lines_subtotal_problem, 'refundLineItems cannot be read')
           WHEN lines_tax IS NULL THEN coalesce(lines_tax_problem, 'refundLineItems cannot be read')
           WHEN shipping_subtotal IS NULL THEN coalesce(shipping_subtotal_problem, 'refundShippingLines cannot be read')
           WHEN shipping_tax IS NULL THEN coalesce(shipping_tax_problem, 'refundShippingLines cannot be read')
       END AS problem
FROM refunds
