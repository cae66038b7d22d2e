-- quarantine: true
-- Shopify orders (Admin GraphQL Order node). Money is read from shopMoney (the shop's currency, which
-- is what the ledger books); presentment currency is kept for reference only.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload, s.channel
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'shopify'
    WHERE r.object = 'orders'
),
-- The lines and refunds that cannot be read, with the first problem (in line/refund id order) as the example.
bad_lines AS (
    SELECT source, order_id, count(*) AS n,
           min(coalesce(problem, 'line ' || coalesce(line_id, '(no id)') || ': a money amount is not a number')) AS first_problem
    FROM {{ ref('stg_shopify__order_lines') }}
    WHERE amount_trx IS NULL OR problem IS NOT NULL GROUP BY source, order_id
),
bad_refunds AS (
    SELECT source, order_id, count(*) AS n,
           min(coalesce(problem, 'refund ' || coalesce(refund_id, '(no id)') || ': a money amount is not a number')) AS first_problem
    FROM {{ ref('stg_shopify__refunds') }}
    WHERE amount_trx IS NULL OR refunded_at IS NULL OR refund_id IS NULL OR problem IS NOT NULL GROUP BY source, order_id
),
parsed AS (
    SELECT src.source, src.object, src.id, src.payload, src.channel,
           src.id AS order_id,
           {{ json_str(payload, '$.legacyResourceId') }} AS legacy_resource_id,
           ltrim({{ json_str(payload, '$.name') }}, '#') AS order_number,
           {{ parse_iso_ts({{ json_str(payload, '$.createdAt') }}) }} AS created_at,
           {{ json_str(payload, '$.createdAt') }} AS created_at_text,
           {{ parse_iso_ts({{ json_str(payload, '$.updatedAt') }}) }} AS updated_at,
           {{ parse_iso_ts({{ json_str(payload, '$.cancelledAt') }}) }} AS cancelled_at,
           {{ json_str(payload, '$.cancelledAt') }} AS cancelled_at_text,
           coalesce({{ json_bool(payload, '$.test') }}, false) AS is_test,
           {{ json_str(payload, '$.test') }} AS test_text,
           {{ json_bool(payload, '$.test') }} AS test_flag,
           coalesce({{ json_bool(payload, '$.taxesIncluded') }}, false) AS taxes_included,
           {{ json_str(payload, '$.taxesIncluded') }} AS taxes_included_text,
           {{ json_bool(payload, '$.taxesIncluded') }} AS taxes_included_flag,
           {{ json_is_list(payload, '$.lineItems.nodes') }} AS line_items_is_list,
           {{ json_is_list(payload, '$.shippingLines.nodes') }} AS shipping_lines_is_list,
           {{ json_is_list(payload, '$.refunds') }} AS refunds_is_list,
           upper({{ json_str(payload, '$.currencyCode') }}) AS currency,
           upper({{ json_str(payload, '$.presentmentCurrencyCode') }}) AS presentment_currency,
           {{ json_str(payload, '$.customer.legacyResourceId') }} AS customer_id,
           lower(coalesce({{ json_str(payload, '$.customer.email') }}, {{ json_str(payload, '$.email') }})) AS customer_email,
           coalesce({{ json_str(payload, '$.customer.defaultAddress.company') }}, {{ json_str(payload, '$.shippingAddress.company') }}) AS customer_company,
           upper(coalesce({{ json_str(payload, '$.shippingAddress.countryCodeV2') }}, {{ json_str(payload, '$.billingAddress.countryCodeV2') }})) AS ship_country,
           bl.n AS bad_line_count, bl.first_problem AS bad_line, br.n AS bad_refund_count, br.first_problem AS bad_refund
    FROM src
    LEFT JOIN bad_lines bl ON bl.source = src.source AND bl.order_id = src.id
    LEFT JOIN bad_refunds br ON br.source = src.source AND br.order_id = src.id
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN order_number IS NULL THEN 'name (the order number) is missing'
           WHEN created_at_text IS NULL THEN 'createdAt is missing'
           WHEN created_at IS NULL THEN 'createdAt ''' || created_at_text || ''' is not an ISO-8601 timestamp'
           WHEN cancelled_at_text IS NOT NULL AND cancelled_at IS NULL THEN 'cancelledAt ''' || cancelled_at_text || ''' is not an ISO-8601 timestamp'
           WHEN test_text IS NOT NULL AND test_flag IS NULL THEN 'test ''' || test_text || ''' is not true or false'
           WHEN taxes_included_text IS NOT NULL AND taxes_included_flag IS NULL
               THEN 'taxesIncluded ''' || taxes_included_text || ''' is not true or false'
           -- An order always has its line items (possibly none); without the list its revenue is unknown.
           WHEN line_items_is_list IS NULL THEN 'lineItems.nodes is missing'
           WHEN NOT line_items_is_list THEN 'lineItems.nodes is not a list'
           WHEN NOT shipping_lines_is_list THEN 'shippingLines.nodes is not a list'
           WHEN NOT refunds_is_list THEN 'refunds is not a list'
           WHEN currency IS NULL THEN 'currencyCode is missing'
           WHEN currency NOT IN (SELECT code FROM ops.cfg_currencies) THEN 'currencyCode ''' || currency || ''' is not an ISO 4217 currency'
           WHEN bad_line_count = 1 THEN bad_line
           WHEN bad_line_count > 1 THEN bad_line_count || ' line items or shipping lines cannot be read; first ' || bad_line
           WHEN bad_refund_count = 1 THEN bad_refund
           WHEN bad_refund_count > 1 THEN bad_refund_count || ' refunds cannot be read; first ' || bad_refund
       END AS _error,
       source, order_id, order_number, created_at, updated_at, cancelled_at, is_test, taxes_included,
       currency, presentment_currency, customer_id, customer_email, customer_company, ship_country, channel
FROM parsed
