-- quarantine: true
-- Intacct dimension records (CLASS, DEPARTMENT, LOCATION, PROJECT), one row per member, so gap lines
-- can show member names. Each object keeps its id in its own field.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload,
           CASE r.object WHEN 'CLASS' THEN 'class' WHEN 'DEPARTMENT' THEN 'department'
                         WHEN 'LOCATION' THEN 'location' WHEN 'PROJECT' THEN 'project' END AS dimension,
           CASE r.object WHEN 'CLASS' THEN {{ json_str(r.payload, '$.CLASSID') }}
                         WHEN 'DEPARTMENT' THEN {{ json_str(r.payload, '$.DEPARTMENTID') }}
                         WHEN 'LOCATION' THEN {{ json_str(r.payload, '$.LOCATIONID') }}
                         WHEN 'PROJECT' THEN {{ json_str(r.payload, '$.PROJECTID') }} END AS member_id,
           coalesce({{ json_str(r.payload, '$.NAME') }}, {{ json_str(r.payload, '$.TITLE') }}) AS name
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
    WHERE r.object IN ('CLASS', 'DEPARTMENT', 'LOCATION', 'PROJECT')
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE WHEN member_id IS NULL THEN object || 'ID is missing' END AS _error,
       source, dimension, member_id, name
FROM src
