-- quarantine: true
-- Intacct ARINVOICE headers: the AR records whose GLDETAIL lines carry RECORDTYPE/RECORDID back to them.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
    WHERE r.object = 'ARINVOICE'
),
parsed AS (
    SELECT src.*,
           {{ json_str(payload, '$.RECORDNO') }} AS record_no,
           {{ json_str(payload, '$.RECORDID') }} AS record_id,
           NULLIF({{ json_str(payload, '$.DOCNUMBER') }}, '') AS doc_number,
           NULLIF({{ json_str(payload, '$.CUSTOMERID') }}, '') AS customer_id,
           {{ json_str(payload, '$.STATE') }} AS state,
           NULLIF({{ json_str(payload, '$.MEGAENTITYID') }}, '') AS entity_id,
           {{ parse_us_ts({{ json_str(payload, '$.WHENCREATED') }}) }} AS created_at
    FROM src
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN record_no IS NULL THEN 'RECORDNO is missing'
           WHEN record_id IS NULL THEN 'RECORDID is missing'
       END AS _error,
       source, record_no, record_id, doc_number, customer_id, state, entity_id, created_at
FROM parsed
