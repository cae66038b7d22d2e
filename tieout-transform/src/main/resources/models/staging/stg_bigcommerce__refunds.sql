-- quarantine: true
-- BigCommerce V3 refunds (payment_actions/refunds). total_amount includes tax; the ex-tax refund is
-- total_amount - total_tax. Amounts are JSON numbers, read as decimal text, never as floating point.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'bigcommerce'
    WHERE r.object = 'refunds'
),
parsed AS (
    SELECT src.*,
           {{ json_str(payload, '$.order_id') }} AS order_id,
           {{ parse_iso_ts({{ json_str(payload, '$.created') }}) }} AS refunded_at,
           {{ json_str(payload, '$.created') }} AS refunded_at_text,
           {{ dec({{ json_str(payload, '$.total_amount') }}) }} AS total_amount,
           {{ json_str(payload, '$.total_amount') }} AS total_amount_text,
           {{ dec(coalesce({{ json_str(payload, '$.total_tax') }}, '0')) }} AS total_tax,
           {{ json_str(payload, '$.total_tax') }} AS total_tax_text
    FROM src
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN order_id IS NULL THEN 'order_id is missing'
           WHEN refunded_at_text IS NULL THEN 'created is missing'
           WHEN refunded_at IS NULL THEN 'created ''' || refunded_at_text || ''' is not an RFC-3339 timestamp'
           WHEN total_amount_text IS NULL THEN 'total_amount is missing'
           WHEN total_amount IS NULL THEN 'total_amount ''' || total_amount_text || ''' is not a number'
           WHEN total_tax IS NULL THEN 'total_tax ''' || total_tax_text || ''' is not a number'
       END AS _error,
       source, order_id, id AS refund_id, refunded_at, {{ money(total_amount - total_tax) }} AS amount_trx
FROM parsed
