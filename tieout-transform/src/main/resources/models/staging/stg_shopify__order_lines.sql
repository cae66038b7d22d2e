-- Shopify order line items and shipping lines (Admin GraphQL Order), one row each, amounts in shop
-- money, ex-tax and after discounts. Gift-card sales are kept with is_gift_card so C can drop them.
-- A NULL amount means the payload had a non-numeric money field; stg_shopify__orders quarantines
-- such orders and intermediate models only read lines of orders that passed.
WITH orders AS (
    SELECT r.source, r.id AS order_id, r.payload,
           coalesce(CAST({{ json_str(r.payload, '$.taxesIncluded') }} AS BOOLEAN), false) AS taxes_included
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'shopify'
    WHERE r.object = 'orders'
),
products AS (
    SELECT o.source, o.order_id,
           {{ json_str(li.value, '$.id') }} AS line_id,
           'product' AS kind,
           {{ json_str(li.value, '$.sku') }} AS sku,
           coalesce(CAST({{ json_str(li.value, '$.isGiftCard') }} AS BOOLEAN), false) AS is_gift_card,
           {{ dec({{ json_str(li.value, '$.originalTotalSet.shopMoney.amount') }}) }}
             - {{ json_sum(li.value, '$.discountAllocations', '$.allocatedAmountSet.shopMoney.amount') }}
             - CASE WHEN o.taxes_included THEN {{ json_sum(li.value, '$.taxLines', '$.priceSet.shopMoney.amount') }}
                    ELSE 0 END AS amount
    FROM orders o
    {{ json_rows(o.payload, '$.lineItems.nodes', li) }}
),
shipping AS (
    SELECT o.source, o.order_id,
           'shipping:' || coalesce({{ json_str(sl.value, '$.id') }}, {{ json_str(sl.value, '$.title') }}, '') AS line_id,
           'shipping' AS kind,
           CAST(NULL AS VARCHAR) AS sku,
           false AS is_gift_card,
           {{ dec({{ json_str(sl.value, '$.discountedPriceSet.shopMoney.amount') }}) }}
             - CASE WHEN o.taxes_included THEN {{ json_sum(sl.value, '$.taxLines', '$.priceSet.shopMoney.amount') }}
                    ELSE 0 END AS amount
    FROM orders o
    {{ json_rows(o.payload, '$.shippingLines.nodes', sl) }}
)
SELECT source, order_id, line_id, kind, sku, is_gift_card, {{ money(amount) }} AS amount_trx FROM products
UNION ALL
SELECT source, order_id, line_id, kind, sku, is_gift_card, {{ money(amount) }} AS amount_trx FROM shipping
