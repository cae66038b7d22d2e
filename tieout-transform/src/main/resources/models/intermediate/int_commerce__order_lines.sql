-- Revenue lines of every order (product, shipping, surcharge), ex-tax and after discounts, in the
-- transaction currency and converted at the order date's rate, rounded once per line. Gift-card
-- sales are a liability, not revenue, and are left out. Each product line carries the Intacct item
-- its SKU maps to (explicit map, else the SKU itself) and whether that item exists.
WITH shopify AS (
    SELECT l.source, l.source || ':' || l.order_id AS order_key, l.line_id, l.kind, l.sku, l.amount_trx
    FROM {{ ref('stg_shopify__order_lines') }} l
    WHERE NOT l.is_gift_card
),
bigcommerce_products AS (
    SELECT source, source || ':' || order_id AS order_key, line_id, 'product' AS kind, sku, amount_trx
    FROM {{ ref('stg_bigcommerce__order_products') }}
),
bigcommerce_charges AS (
    SELECT source, source || ':' || order_id AS order_key, 'shipping' AS line_id, 'shipping' AS kind,
           CAST(NULL AS VARCHAR) AS sku, shipping_ex_tax AS amount_trx
    FROM {{ ref('stg_bigcommerce__orders') }} WHERE shipping_ex_tax <> 0
    UNION ALL
    SELECT source, source || ':' || order_id, 'surcharge', 'surcharge', CAST(NULL AS VARCHAR), surcharge_ex_tax
    FROM {{ ref('stg_bigcommerce__orders') }} WHERE surcharge_ex_tax <> 0
),
lines AS (
    SELECT * FROM shopify
    UNION ALL SELECT * FROM bigcommerce_products
    UNION ALL SELECT * FROM bigcommerce_charges
),
items AS (SELECT DISTINCT item_id FROM {{ ref('stg_intacct__items') }})
SELECT l.order_key, l.source, l.line_id, l.kind, l.sku,
       CASE WHEN l.kind = 'product' THEN coalesce(m.item_id, l.sku) END AS expected_item,
       CASE WHEN l.kind = 'product' THEN i.item_id IS NOT NULL END AS item_exists,
       h.currency, h.order_date, l.amount_trx,
       {{ convert(l.amount_trx, fx.rate) }} AS amount_rep
FROM lines l
JOIN {{ ref('int_commerce__order_headers') }} h ON h.order_key = l.order_key
LEFT JOIN ops.cfg_sku_item m ON m.sku = l.sku
LEFT JOIN items i ON i.item_id = coalesce(m.item_id, l.sku)
LEFT JOIN {{ ref('int_fx__daily_rates') }} fx ON fx.currency = h.currency AND fx.rate_date = h.order_date
