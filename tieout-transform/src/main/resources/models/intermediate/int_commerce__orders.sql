-- One row per order with its revenue (sum of its converted lines) and the item view of it: the
-- order-level Item member is the single expected item, or '(multiple)'.
WITH totals AS (
    SELECT order_key,
           sum(amount_trx) AS revenue_trx,
           sum(amount_rep) AS revenue_rep,
           count(*) FILTER (WHERE amount_rep IS NULL) AS unconverted_lines,
           count(DISTINCT expected_item) AS item_count,
           min(expected_item) AS single_item,
           bool_or(kind = 'product' AND NOT item_exists) AS has_missing_item
    FROM {{ ref('int_commerce__order_lines') }}
    GROUP BY order_key
)
SELECT h.*,
       coalesce(t.revenue_trx, 0) AS revenue_trx,
       coalesce(t.revenue_rep, 0) AS revenue_rep,
       coalesce(t.unconverted_lines, 0) AS unconverted_lines,
       CASE WHEN t.item_count = 1 THEN t.single_item WHEN t.item_count > 1 THEN '(multiple)' ELSE '(none)' END AS item_member,
       coalesce(t.has_missing_item, false) AS has_missing_item
FROM {{ ref('int_commerce__order_headers') }} h
LEFT JOIN totals t ON t.order_key = h.order_key
