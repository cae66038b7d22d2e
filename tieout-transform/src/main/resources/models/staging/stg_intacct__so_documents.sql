-- quarantine: true
-- Intacct Order Entry documents (SODOCUMENT): Sales Orders, Sales Invoices, Sales Returns and Credit
-- Memos, told apart by DOCPARID (the transaction definition, company-defined).
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
    WHERE r.object = 'SODOCUMENT'
),
parsed AS (
    SELECT src.*,
           {{ json_str(payload, '$.RECORDNO') }} AS record_no,
           {{ json_str(payload, '$.DOCID') }} AS doc_id,
           {{ json_str(payload, '$.DOCPARID') }} AS doc_par_id,
           {{ json_str(payload, '$.STATE') }} AS state,
           NULLIF({{ json_str(payload, '$.PONUMBER') }}, '') AS po_number,
           NULLIF({{ json_str(payload, '$.CUSTVENDID') }}, '') AS customer_id,
           NULLIF({{ json_str(payload, '$.MEGAENTITYID') }}, '') AS entity_id,
           {{ parse_us_ts({{ json_str(payload, '$.WHENCREATED') }}) }} AS created_at
    FROM src
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN record_no IS NULL THEN 'RECORDNO is missing'
           WHEN doc_par_id IS NULL THEN 'DOCPARID (the transaction definition) is missing'
       END AS _error,
       source, record_no, doc_id, doc_par_id, state, po_number, customer_id, entity_id, created_at
FROM parsed
