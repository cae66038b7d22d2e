-- Per order, the facts the whole-order gap rules test: linked or not (and why not), cancelled on
-- which side, posted or not, young or old against the sync-lag window, and the members its GL lines
-- were booked to for the dimensions with no posting rule (department, location, project).
WITH links AS (
    SELECT order_key,
           bool_or(NOT is_ambiguous) AS has_document,
           bool_or(is_ambiguous) AS is_ambiguous,
           count(*) FILTER (WHERE doc_kind IN ('order', 'invoice')) AS sales_documents,
           count(*) FILTER (WHERE doc_kind IN ('order', 'invoice') AND is_voided) AS voided_sales_documents,
           min(customer_id) FILTER (WHERE doc_kind IN ('order', 'invoice')) AS document_customer
    FROM {{ ref('int_recon__order_documents') }}
    GROUP BY order_key
),
posted AS (
    SELECT lo.order_key,
           count(*) AS gl_lines,
           CASE WHEN count(DISTINCT g.department_id) > 1 THEN '(multiple)' ELSE min(g.department_id) END AS booked_department,
           CASE WHEN count(DISTINCT g.location_id) > 1 THEN '(multiple)' ELSE min(g.location_id) END AS booked_location,
           CASE WHEN count(DISTINCT g.project_id) > 1 THEN '(multiple)' ELSE min(g.project_id) END AS booked_project
    FROM {{ ref('int_recon__gl_line_orders') }} lo
    JOIN {{ ref('int_gl__revenue_lines') }} g ON g.gl_key = lo.gl_key
    GROUP BY lo.order_key
),
sync_errors AS (
    SELECT DISTINCT order_number FROM {{ ref('stg_synclog__errors') }}
),
-- One row per CUSTOMERID even if Intacct returned the id on several records (deleted and re-created).
customers AS (
    SELECT customer_id, min(entity_id) AS entity_id FROM {{ ref('stg_intacct__customers') }} GROUP BY customer_id
)
SELECT o.order_key,
       coalesce(l.has_document, false) AND NOT coalesce(l.is_ambiguous, false) AS has_document,
       coalesce(l.is_ambiguous, false) AS is_ambiguous,
       coalesce(l.sales_documents > 0 AND l.sales_documents = l.voided_sales_documents, false) AS is_intacct_voided,
       coalesce(p.gl_lines, 0) > 0 AS has_posted_gl,
       o.created_at > {{ hours_before({{ var('as_of') }}, {{ var('sync_lag_hours') }}) }} AS is_young,
       CASE
           WHEN coalesce(l.is_ambiguous, false) THEN 'ambiguous_document'
           WHEN o.expected_customer IS NULL THEN 'customer_missing'
           WHEN o.has_missing_item THEN 'item_missing'
           WHEN c.entity_id IS NOT NULL AND c.entity_id <> o.expected_entity THEN 'entity_routing'
           WHEN se.order_number IS NOT NULL THEN 'sync_error'
           ELSE 'unknown'
       END AS unmapped_diagnosis,
       p.booked_department, p.booked_location, p.booked_project
FROM {{ ref('int_commerce__orders') }} o
LEFT JOIN links l ON l.order_key = o.order_key
LEFT JOIN posted p ON p.order_key = o.order_key
LEFT JOIN sync_errors se ON se.order_number = o.order_number
LEFT JOIN customers c ON c.customer_id = o.expected_customer
