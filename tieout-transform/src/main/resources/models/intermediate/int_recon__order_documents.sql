-- Links from orders to Intacct documents. The match key (config) is tried first, the other
-- reference second, only for orders the first found nothing for. A link is ambiguous when the order
-- matches two documents of the same object and kind (two invoices, two sales orders) or when one
-- document matches two orders: Tieout never picks one silently.
WITH orders AS (
    SELECT order_key, order_number, order_id FROM {{ ref('int_commerce__order_headers') }}
),
docs AS (
    SELECT * FROM {{ ref('int_intacct__documents') }} WHERE match_ref IS NOT NULL
),
by_primary AS (
    SELECT o.order_key, d.*
    FROM orders o
    JOIN docs d ON d.match_ref = CASE WHEN {{ var('order_match_key') }} = 'external_id' THEN o.order_id ELSE o.order_number END
),
by_fallback AS (
    SELECT o.order_key, d.*
    FROM orders o
    JOIN docs d ON d.match_ref = CASE WHEN {{ var('order_match_key') }} = 'external_id' THEN o.order_number ELSE o.order_id END
    WHERE o.order_key NOT IN (SELECT order_key FROM by_primary)
),
links AS (
    SELECT * FROM by_primary
    UNION
    SELECT * FROM by_fallback
),
doc_fanout AS (
    SELECT doc_key, count(DISTINCT order_key) AS orders FROM links GROUP BY doc_key
),
order_fanout AS (
    SELECT order_key, object, doc_kind, count(*) AS documents
    FROM links WHERE doc_kind IN ('order', 'invoice')
    GROUP BY order_key, object, doc_kind
)
SELECT l.order_key, l.doc_key, l.object, l.record_no, l.record_id, l.doc_kind, l.is_voided, l.customer_id,
       l.entity_id, l.created_at,
       (df.orders > 1 OR coalesce(ofo.documents, 1) > 1) AS is_ambiguous
FROM links l
JOIN doc_fanout df ON df.doc_key = l.doc_key
LEFT JOIN order_fanout ofo ON ofo.order_key = l.order_key AND ofo.object = l.object AND ofo.doc_kind = l.doc_kind
