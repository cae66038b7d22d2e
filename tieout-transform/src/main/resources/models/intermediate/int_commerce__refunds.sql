-- Every refund made by T, ex-tax (refunded shipping included), converted at the refund date's rate.
-- refund_seq numbers an order's refunds in time order; credit memos pair with them by the same rank.
WITH refunds AS (
    SELECT source, source || ':' || order_id AS order_key, refund_id, refunded_at, amount_trx
    FROM {{ ref('stg_shopify__refunds') }}
    UNION ALL
    SELECT source, source || ':' || order_id, refund_id, refunded_at, amount_trx
    FROM {{ ref('stg_bigcommerce__refunds') }}
)
SELECT r.order_key, r.source, r.refund_id, r.refunded_at,
       {{ local_date(r.refunded_at, {{ var('timezone') }}) }} AS refund_date,
       h.currency, r.amount_trx,
       {{ convert(r.amount_trx, fx.rate) }} AS amount_rep,
       row_number() OVER (PARTITION BY r.order_key ORDER BY r.refunded_at, r.refund_id) AS refund_seq
FROM refunds r
JOIN {{ ref('int_commerce__order_headers') }} h ON h.order_key = r.order_key
LEFT JOIN {{ ref('int_fx__daily_rates') }} fx
       ON fx.currency = h.currency AND fx.rate_date = {{ local_date(r.refunded_at, {{ var('timezone') }}) }}
WHERE r.refunded_at <= {{ var('as_of') }}
