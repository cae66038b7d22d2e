-- quarantine: true
-- Intacct CUSTOMER. The mapped commerce customer id sits in a company-chosen field (config
-- mapping.customerMatch.mappedIdField); MEGAENTITYID set means the record is private to that entity.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
    WHERE r.object = 'CUSTOMER'
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE WHEN {{ json_str(payload, '$.CUSTOMERID') }} IS NULL THEN 'CUSTOMERID is missing' END AS _error,
       source,
       {{ json_str(payload, '$.CUSTOMERID') }} AS customer_id,
       {{ json_str(payload, '$.NAME') }} AS name,
       lower(trim({{ json_str(payload, '$.DISPLAYCONTACT.EMAIL1') }})) AS email,
       NULLIF({{ json_str(payload, {{ var('mapped_id_path') }}) }}, '') AS mapped_commerce_id,
       NULLIF({{ json_str(payload, '$.MEGAENTITYID') }}, '') AS entity_id,
       coalesce({{ json_str(payload, '$.STATUS') }}, 'active') AS status
FROM src
