-- quarantine: true
-- Intacct ITEM.
SELECT r.source AS _source, r.object AS _object, r.id AS _id, r.payload AS _payload,
       CASE WHEN {{ json_str(r.payload, '$.ITEMID') }} IS NULL THEN 'ITEMID is missing' END AS _error,
       r.source,
       {{ json_str(r.payload, '$.ITEMID') }} AS item_id,
       {{ json_str(r.payload, '$.NAME') }} AS name,
       coalesce({{ json_str(r.payload, '$.STATUS') }}, 'active') AS status
FROM raw.records r
JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
WHERE r.object = 'ITEM'
