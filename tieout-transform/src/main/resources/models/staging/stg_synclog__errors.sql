-- quarantine: true
-- The commerce-to-Intacct integration's error log: one row per failed order sync.
SELECT r.source AS _source, r.object AS _object, r.id AS _id, r.payload AS _payload,
       CASE WHEN {{ json_str(r.payload, '$.orderNumber') }} IS NULL THEN 'orderNumber is missing' END AS _error,
       r.source,
       {{ json_str(r.payload, '$.orderNumber') }} AS order_number,
       {{ json_str(r.payload, '$.message') }} AS message,
       {{ parse_iso_ts({{ json_str(r.payload, '$.at') }}) }} AS logged_at
FROM raw.records r
JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'synclog'
WHERE r.object = 'errors'
