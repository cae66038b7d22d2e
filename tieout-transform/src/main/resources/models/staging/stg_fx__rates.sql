-- quarantine: true
-- FX rates: 1 unit of from_currency = rate units of to_currency on rate_date. The FX connector turns
-- ECB's EUR-based reference rates into these direct pairs (exactly, in BigDecimal), so no model has
-- to divide.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload,
           TRY_CAST({{ json_str(r.payload, '$.date') }} AS DATE) AS rate_date,
           upper({{ json_str(r.payload, '$.from') }}) AS from_currency,
           upper({{ json_str(r.payload, '$.to') }}) AS to_currency,
           TRY_CAST({{ json_str(r.payload, '$.rate') }} AS DECIMAL(18,10)) AS rate,
           {{ json_str(r.payload, '$.rate') }} AS rate_text,
           {{ json_str(r.payload, '$.date') }} AS rate_date_text
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'fx'
    WHERE r.object = 'rates'
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE WHEN rate_date_text IS NULL THEN 'date is missing'
            WHEN rate_date IS NULL THEN 'date ''' || rate_date_text || ''' is not YYYY-MM-DD'
            WHEN from_currency NOT IN (SELECT code FROM ops.cfg_currencies) THEN 'from ''' || coalesce(from_currency, '') || ''' is not an ISO 4217 currency'
            WHEN to_currency NOT IN (SELECT code FROM ops.cfg_currencies) THEN 'to ''' || coalesce(to_currency, '') || ''' is not an ISO 4217 currency'
            WHEN rate_text IS NULL THEN 'rate is missing'
            WHEN rate IS NULL THEN 'rate ''' || rate_text || ''' is not a number'
            WHEN rate <= 0 THEN 'rate ''' || rate_text || ''' is not positive' END AS _error,
       source, rate_date, from_currency, to_currency, rate
FROM src
