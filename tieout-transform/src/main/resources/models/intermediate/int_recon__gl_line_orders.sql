-- Which order each GL revenue line belongs to: line -> its AR/OE record -> that record's unambiguous
-- order link. Lines of unlinked or ambiguous records have no order (they become gl_only).
-- memo_seq ranks an order's credit-memo records in time order, to pair them with its refunds.
WITH linked AS (
    SELECT g.gl_key, od.order_key, od.doc_key, od.doc_kind, od.created_at AS doc_created_at
    FROM {{ ref('int_gl__revenue_lines') }} g
    JOIN {{ ref('int_recon__order_documents') }} od
      ON od.object = g.record_object AND od.record_id = g.record_id AND NOT od.is_ambiguous
    WHERE od.order_key NOT IN (SELECT order_key FROM {{ ref('int_recon__order_documents') }} WHERE is_ambiguous)
)
SELECT gl_key, order_key, doc_key, doc_kind,
       CASE WHEN doc_kind = 'memo'
            THEN dense_rank() OVER (PARTITION BY order_key, doc_kind = 'memo' ORDER BY doc_created_at, doc_key) END AS memo_seq
FROM linked
