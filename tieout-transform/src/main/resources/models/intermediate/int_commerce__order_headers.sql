-- Every real commerce order of every platform, one row each, as of T: test orders and abandoned
-- checkouts never count, orders created after T do not exist yet, and a cancellation counts only
-- once it happened. Order date is the created instant's date in the reporting time zone.
-- Expected Intacct members come from the posting rules (channel -> class, country -> entity) and the
-- customer match rules, tried in the configured order.
WITH shopify AS (
    SELECT source, order_id, order_number, created_at, cancelled_at, currency, customer_id, customer_email,
           customer_company, ship_country, channel, customer_id IS NULL AS is_guest
    FROM {{ ref('stg_shopify__orders') }}
    WHERE NOT is_test
),
bigcommerce AS (
    SELECT source, order_id, order_number, created_at, cancelled_at, currency, customer_id, customer_email,
           customer_company, ship_country, channel, customer_id IS NULL AS is_guest
    FROM {{ ref('stg_bigcommerce__orders') }}
    WHERE NOT is_incomplete
),
orders AS (
    SELECT * FROM shopify
    UNION ALL
    SELECT * FROM bigcommerce
),
customers AS (
    SELECT customer_id, name, email, mapped_commerce_id, entity_id
    FROM {{ ref('stg_intacct__customers') }}
),
by_mapped_id AS (
    SELECT mapped_commerce_id, min(customer_id) AS customer_id FROM customers
    WHERE mapped_commerce_id IS NOT NULL GROUP BY mapped_commerce_id
),
-- E-mail matching is case-insensitive and de-duplicated: one e-mail on several customers takes the
-- lowest CUSTOMERID, so the match is deterministic.
by_email AS (
    SELECT email, min(customer_id) AS customer_id FROM customers
    WHERE email IS NOT NULL AND email <> '' GROUP BY email
),
by_company_name AS (
    SELECT {{ lower_trim(name) }} AS company_key, min(customer_id) AS customer_id FROM customers
    WHERE name IS NOT NULL GROUP BY {{ lower_trim(name) }}
),
guest AS (
    SELECT customer_id FROM customers WHERE customer_id = {{ var('guest_customer_id') }}
)
SELECT o.source, o.source || ':' || o.order_id AS order_key, o.order_id, o.order_number,
       s.storefront, o.channel, o.created_at,
       {{ local_date(o.created_at, {{ var('timezone') }}) }} AS order_date,
       o.cancelled_at,
       (o.cancelled_at IS NOT NULL AND o.cancelled_at <= {{ var('as_of') }}) AS is_cancelled,
       o.currency, o.customer_id, o.customer_email, o.customer_company, o.ship_country, o.is_guest,
       coalesce(ce.entity_id, {{ var('default_entity') }}) AS expected_entity,
       cc.class_id AS expected_class,
       {{ var('customer_match_expr') }} AS expected_customer,
       coalesce({{ var('customer_match_expr') }},
                'unmatched:' || o.source || ':' || coalesce(o.customer_id, o.customer_email, 'guest')) AS customer_member
FROM orders o
JOIN ops.cfg_sources s ON s.source = o.source
LEFT JOIN ops.cfg_country_entity ce ON ce.country = o.ship_country
LEFT JOIN ops.cfg_channel_class cc ON cc.channel = o.channel
LEFT JOIN by_mapped_id m ON m.mapped_commerce_id = o.customer_id
LEFT JOIN by_email e ON e.email = o.customer_email
LEFT JOIN by_company_name c ON c.company_key = {{ lower_trim(o.customer_company) }}
LEFT JOIN guest g ON o.is_guest
WHERE o.created_at <= {{ var('as_of') }}
