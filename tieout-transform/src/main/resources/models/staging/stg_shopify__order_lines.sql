-- Shopify order line items and shipping lines (Admin GraphQL Order), one row each, amounts in shop
-- money, ex-tax and after discounts. Gift-card sales are kept with is_gift_card so C can drop them.
-- A line that cannot be read (a money field that is not a number, a list that is not a list, a flag
-- that is not true/false) has a NULL amount and a `problem` naming the line, the field and its text;
-- stg_shopify__orders quarantines such orders with that problem as the reason, and intermediate
-- models only read lines of orders that passed.
WITH orders AS (
    SELECT r.source, r.id AS order_id, r.payload,
           coalesce({{ json_bool(r.payload, '$.taxesIncluded') }}, false) AS taxes_included
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'shopify'
    WHERE r.object = 'orders'
),
products AS (
    SELECT o.source, o.order_id,
           {{ json_str(li.value, '$.id') }} AS line_id,
           'product' AS kind,
           {{ json_str(li.value, '$.sku') }} AS sku,
           coalesce({{ json_bool(li.value, '$.isGiftCard') }}, false) AS is_gift_card,
           CASE WHEN {{ json_str(li.value, '$.isGiftCard') }} IS NOT NULL AND {{ json_bool(li.value, '$.isGiftCard') }} IS NULL
                THEN 'isGiftCard ''' || {{ json_str(li.value, '$.isGiftCard') }} || ''' is not true or false' END AS flag_problem,
           'originalTotalSet.shopMoney.amount' AS gross_field,
           {{ json_str(li.value, '$.originalTotalSet.shopMoney.amount') }} AS gross_text,
           {{ json_sum(li.value, '$.discountAllocations', '$.allocatedAmountSet.shopMoney.amount') }} AS discounts,
           {{ json_number_problem(li.value, '$.discountAllocations', '$.allocatedAmountSet.shopMoney.amount') }} AS discounts_problem,
           CASE WHEN o.taxes_included THEN {{ json_sum(li.value, '$.taxLines', '$.priceSet.shopMoney.amount') }}
                ELSE 0 END AS tax,
           CASE WHEN o.taxes_included THEN {{ json_number_problem(li.value, '$.taxLines', '$.priceSet.shopMoney.amount') }} END AS tax_problem
    FROM orders o
    {{ json_rows(o.payload, '$.lineItems.nodes', li) }}
),
shipping AS (
    SELECT o.source, o.order_id,
           'shipping:' || coalesce({{ json_str(sl.value, '$.id') }}, {{ json_str(sl.value, '$.title') }}, '') AS line_id,
           'shipping' AS kind,
           CAST(NULL AS VARCHAR) AS sku,
           false AS is_gift_card,
           CAST(NULL AS VARCHAR) AS flag_problem,
           'discountedPriceSet.shopMoney.amount' AS gross_field,
           {{ json_str(sl.value, '$.discountedPriceSet.shopMoney.amount') }} AS gross_text,
           CAST(0 AS DECIMAL(18,4)) AS discounts,
           CAST(NULL AS VARCHAR) AS discounts_problem,
           CASE WHEN o.taxes_included THEN {{ json_sum(sl.value, '$.taxLines', '$.priceSet.shopMoney.amount') }}
                ELSE 0 END AS tax,
           CASE WHEN o.taxes_included THEN {{ json_number_problem(sl.value, '$.taxLines', '$.priceSet.shopMoney.amount') }} END AS tax_problem
    FROM orders o
    {{ json_rows(o.payload, '$.shippingLines.nodes', sl) }}
),
lines AS (
    SELECT * FROM products
    UNION ALL
    SELECT * FROM shipping
)
SELECT source, order_id, line_id, kind, sku, is_gift_card,
       CASE WHEN flag_problem IS NULL THEN {{ money({{ dec(gross_text) }} - discounts - tax) }} END AS amount_trx,
       CASE kind WHEN 'product' THEN 'line item ' ELSE 'shipping line ' END || coalesce(line_id, '(no id)') || ': ' || CASE
           WHEN {{ dec(gross_text) }} IS NULL THEN gross_field
               || CASE WHEN gross_text IS NULL THEN ' is missing' ELSE ' ''' || gross_text || ''' is not a number' END
           WHEN discounts IS NULL THEN coalesce(discounts_problem, 'discountAllocations cannot be read')
           WHEN tax IS NULL THEN coalesce(tax_problem, 'taxLines cannot be read')
           WHEN flag_problem IS NOT NULL THEN flag_problem
       END AS problem
FROM lines
