-- quarantine: true
-- BigCommerce V2 orders. Amounts are the _ex_tax fields, which BigCommerce fills whether the store
-- prices tax-inclusive or not, so tax is removed the same way for both. Status 0 (Incomplete) is an
-- abandoned checkout, not an order; 5 (Cancelled), 6 (Declined) and archived orders count as cancelled.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload, s.channel
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'bigcommerce'
    WHERE r.object = 'orders'
),
parsed AS (
    SELECT src.*,
           {{ json_str(payload, '$.id') }} AS order_id,
           {{ parse_rfc2822_ts({{ json_str(payload, '$.date_created') }}) }} AS created_at,
           {{ json_str(payload, '$.date_created') }} AS created_at_text,
           {{ parse_rfc2822_ts({{ json_str(payload, '$.date_modified') }}) }} AS updated_at,
           TRY_CAST({{ json_str(payload, '$.status_id') }} AS INTEGER) AS status_id,
           {{ json_str(payload, '$.status_id') }} AS status_id_text,
           {{ json_str(payload, '$.shipping_cost_ex_tax') }} AS shipping_ex_tax_text,
           {{ json_str(payload, '$.handling_cost_ex_tax') }} AS handling_text,
           {{ json_str(payload, '$.wrapping_cost_ex_tax') }} AS wrapping_text,
           coalesce({{ json_bool(payload, '$.is_deleted') }}, false) AS is_deleted,
           {{ json_str(payload, '$.is_deleted') }} AS is_deleted_text,
           {{ json_bool(payload, '$.is_deleted') }} AS is_deleted_flag,
           upper(coalesce({{ json_str(payload, '$.default_currency_code') }}, {{ json_str(payload, '$.currency_code') }})) AS currency,
           {{ dec({{ json_str(payload, '$.shipping_cost_ex_tax') }}) }} AS shipping_ex_tax,
           {{ dec(coalesce({{ json_str(payload, '$.handling_cost_ex_tax') }}, '0')) }}
             + {{ dec(coalesce({{ json_str(payload, '$.wrapping_cost_ex_tax') }}, '0')) }} AS surcharge_ex_tax,
           NULLIF({{ json_str(payload, '$.customer_id') }}, '0') AS customer_id,
           lower({{ json_str(payload, '$.billing_address.email') }}) AS customer_email,
           NULLIF({{ json_str(payload, '$.billing_address.company') }}, '') AS customer_company,
           upper({{ json_str(payload, '$.billing_address.country_iso2') }}) AS ship_country
    FROM src
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN order_id IS NULL THEN 'id is missing'
           WHEN created_at_text IS NULL THEN 'date_created is missing'
           WHEN created_at IS NULL THEN 'date_created ''' || created_at_text || ''' is not an RFC-2822 date'
           WHEN status_id_text IS NULL THEN 'status_id is missing'
           WHEN status_id IS NULL THEN 'status_id ''' || status_id_text || ''' is not a number'
           WHEN is_deleted_text IS NOT NULL AND is_deleted_flag IS NULL THEN 'is_deleted ''' || is_deleted_text || ''' is not true or false'
           WHEN currency IS NULL THEN 'default_currency_code is missing'
           WHEN currency NOT IN (SELECT code FROM ops.cfg_currencies) THEN 'currency ''' || currency || ''' is not an ISO 4217 currency'
           WHEN shipping_ex_tax_text IS NULL THEN 'shipping_cost_ex_tax is missing'
           WHEN shipping_ex_tax IS NULL THEN 'shipping_cost_ex_tax ''' || shipping_ex_tax_text || ''' is not a number'
           WHEN {{ dec(coalesce(handling_text, '0')) }} IS NULL THEN 'handling_cost_ex_tax ''' || handling_text || ''' is not a number'
           WHEN surcharge_ex_tax IS NULL THEN 'wrapping_cost_ex_tax ''' || wrapping_text || ''' is not a number'
       END AS _error,
       source, order_id, CAST(order_id AS VARCHAR) AS order_number, created_at, updated_at, status_id,
       status_id = 0 AS is_incomplete,
       (status_id IN (5, 6) OR is_deleted) AS is_cancelled,
       -- BigCommerce records no cancellation time; the last modification is when it became cancelled.
       CASE WHEN status_id IN (5, 6) OR is_deleted THEN updated_at END AS cancelled_at,
       currency, {{ money(shipping_ex_tax) }} AS shipping_ex_tax, {{ money(surcharge_ex_tax) }} AS surcharge_ex_tax,
       customer_id, customer_email, customer_company, ship_country, channel
FROM parsed
