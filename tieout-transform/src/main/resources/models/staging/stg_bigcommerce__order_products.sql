-- quarantine: true
-- BigCommerce order products (GET /v2/orders/{id}/products, every page), one row per line:
-- total_ex_tax less the line's applied discounts.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'bigcommerce'
    WHERE r.object = 'order_products'
),
parsed AS (
    SELECT src.*,
           {{ json_str(payload, '$.order_id') }} AS order_id,
           {{ json_str(payload, '$.sku') }} AS sku,
           {{ dec({{ json_str(payload, '$.total_ex_tax') }}) }} AS total_ex_tax,
           {{ json_str(payload, '$.total_ex_tax') }} AS total_ex_tax_text,
           {{ json_sum(payload, '$.applied_discounts', '$.amount') }} AS discounts,
           {{ json_number_problem(payload, '$.applied_discounts', '$.amount') }} AS discounts_problem
    FROM src
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN order_id IS NULL THEN 'order_id is missing'
           WHEN total_ex_tax_text IS NULL THEN 'total_ex_tax is missing'
           WHEN total_ex_tax IS NULL THEN 'total_ex_tax ''' || total_ex_tax_text || ''' is not a number'
           WHEN discounts IS NULL THEN coalesce(discounts_problem, 'applied_discounts cannot be read')
       END AS _error,
       source, order_id, id AS line_id, sku, {{ money(total_ex_tax - discounts) }} AS amount_trx
FROM parsed
