-- quarantine: true
-- Intacct SODOCUMENTENTRY: the lines of Order Entry documents.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
    WHERE r.object = 'SODOCUMENTENTRY'
),
parsed AS (
    SELECT src.*,
           {{ json_str(payload, '$.RECORDNO') }} AS record_no,
           {{ json_str(payload, '$.DOCHDRNO') }} AS doc_record_no,
           {{ json_str(payload, '$.ITEMID') }} AS item_id,
           {{ dec({{ json_str(payload, '$.QUANTITY') }}) }} AS quantity,
           {{ dec({{ json_str(payload, '$.TOTAL') }}) }} AS total,
           {{ json_str(payload, '$.TOTAL') }} AS total_text
    FROM src
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN record_no IS NULL THEN 'RECORDNO is missing'
           WHEN doc_record_no IS NULL THEN 'DOCHDRNO (the document) is missing'
           WHEN total_text IS NULL THEN 'TOTAL is missing'
           WHEN total IS NULL THEN 'TOTAL ''' || total_text || ''' is not a number'
       END AS _error,
       source, record_no, doc_record_no, item_id, quantity, {{ money(total) }} AS total
FROM parsed
