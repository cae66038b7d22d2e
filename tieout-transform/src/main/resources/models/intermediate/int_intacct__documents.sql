-- Every Intacct document an order can link to, as of T: Order Entry documents (kind by their
-- transaction definition), AR invoices and AR adjustments (credit memos). match_ref is the field the
-- integration writes the commerce order reference into (PONUMBER on OE documents, DOCNUMBER on AR).
WITH docs AS (
    SELECT 'SODOCUMENT' AS object, record_no, doc_id AS record_id, doc_par_id AS definition,
           CASE WHEN lower(doc_par_id) LIKE '%return%' OR lower(doc_par_id) LIKE '%credit%' THEN 'memo'
                WHEN lower(doc_par_id) LIKE '%invoice%' THEN 'invoice'
                ELSE 'order' END AS doc_kind,
           po_number AS match_ref, state, customer_id, entity_id, created_at
    FROM {{ ref('stg_intacct__so_documents') }}
    UNION ALL
    SELECT 'ARINVOICE', record_no, record_id, 'AR Invoice', 'invoice', doc_number, state, customer_id, entity_id, created_at
    FROM {{ ref('stg_intacct__ar_invoices') }}
    UNION ALL
    SELECT 'ARADJUSTMENT', record_no, record_id, 'AR Adjustment', 'memo', doc_number, state, customer_id, entity_id, created_at
    FROM {{ ref('stg_intacct__ar_adjustments') }}
)
SELECT object || ':' || record_no AS doc_key, object, record_no, record_id, definition, doc_kind, match_ref,
       state, lower(coalesce(state, '')) IN ('voided', 'void', 'reversed', 'cancelled', 'canceled') AS is_voided,
       customer_id, entity_id, created_at
FROM docs
WHERE created_at IS NULL OR created_at <= {{ var('as_of') }}
