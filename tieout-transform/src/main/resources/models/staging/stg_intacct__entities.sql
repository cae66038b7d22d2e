-- quarantine: true
-- Intacct LOCATIONENTITY: the entities of a multi-entity company and their base currencies.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload,
           {{ json_str(r.payload, '$.LOCATIONID') }} AS entity_id,
           upper({{ json_str(r.payload, '$.CURRENCY') }}) AS base_currency
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
    WHERE r.object = 'LOCATIONENTITY'
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE WHEN entity_id IS NULL THEN 'LOCATIONID is missing'
            WHEN base_currency IS NULL OR base_currency NOT IN (SELECT code FROM ops.cfg_currencies)
                THEN 'CURRENCY ''' || coalesce(base_currency, '') || ''' is not an ISO 4217 currency' END AS _error,
       source, entity_id, {{ json_str(payload, '$.NAME') }} AS name, base_currency
FROM src
