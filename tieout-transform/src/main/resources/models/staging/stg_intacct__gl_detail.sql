-- quarantine: true
-- Intacct GLDETAIL lines (readByQuery, XML fields carried as JSON). TR_TYPE 1 is a debit, -1 a
-- credit; AMOUNT is in the entity's base currency (BASECURR), TRX_AMOUNT in the transaction currency.
-- Signed amounts are credit minus debit, so revenue is positive.
WITH src AS (
    SELECT r.source, r.object, r.id, r.payload
    FROM raw.records r
    JOIN ops.cfg_sources s ON s.source = r.source AND s.type = 'intacct'
    WHERE r.object = 'GLDETAIL'
),
parsed AS (
    SELECT src.*,
           {{ json_str(payload, '$.RECORDNO') }} AS record_no,
           {{ parse_us_date({{ json_str(payload, '$.ENTRY_DATE') }}) }} AS entry_date,
           {{ json_str(payload, '$.ENTRY_DATE') }} AS entry_date_text,
           {{ json_str(payload, '$.ACCOUNTNO') }} AS account_no,
           {{ json_str(payload, '$.TR_TYPE') }} AS tr_type,
           {{ dec({{ json_str(payload, '$.AMOUNT') }}) }} AS amount,
           {{ json_str(payload, '$.AMOUNT') }} AS amount_text,
           {{ json_str(payload, '$.TRX_AMOUNT') }} AS trx_amount_text,
           {{ dec(coalesce({{ json_str(payload, '$.TRX_AMOUNT') }}, {{ json_str(payload, '$.AMOUNT') }})) }} AS trx_amount,
           upper({{ json_str(payload, '$.BASECURR') }}) AS base_currency,
           upper(coalesce({{ json_str(payload, '$.CURRENCY') }}, {{ json_str(payload, '$.BASECURR') }})) AS trx_currency,
           lower({{ json_str(payload, '$.RECORDTYPE') }}) AS record_type,
           {{ json_str(payload, '$.RECORDID') }} AS record_id,
           {{ json_str(payload, '$.DOCNUMBER') }} AS doc_number,
           NULLIF({{ json_str(payload, '$.CUSTOMERID') }}, '') AS customer_id,
           NULLIF({{ json_str(payload, '$.CLASSID') }}, '') AS class_id,
           NULLIF({{ json_str(payload, '$.DEPARTMENTID') }}, '') AS department_id,
           NULLIF({{ json_str(payload, '$.LOCATIONID') }}, '') AS location_id,
           NULLIF({{ json_str(payload, '$.PROJECTID') }}, '') AS project_id,
           NULLIF({{ json_str(payload, '$.ITEMID') }}, '') AS item_id,
           NULLIF({{ json_str(payload, '$.CHILDENTITY') }}, '') AS entity_id,
           NULLIF({{ json_str(payload, '$.AFFILIATEENTITYID') }}, '') AS affiliate_entity_id,
           coalesce({{ json_str(payload, '$.ENTRY_STATE') }}, 'Posted') AS entry_state,
           {{ parse_us_ts({{ json_str(payload, '$.WHENCREATED') }}) }} AS created_at
    FROM src
)
SELECT source AS _source, object AS _object, id AS _id, payload AS _payload,
       CASE
           WHEN record_no IS NULL THEN 'RECORDNO is missing'
           WHEN entry_date_text IS NULL THEN 'ENTRY_DATE is missing'
           WHEN entry_date IS NULL THEN 'ENTRY_DATE ''' || entry_date_text || ''' is not MM/DD/YYYY'
           WHEN account_no IS NULL THEN 'ACCOUNTNO is missing'
           WHEN tr_type IS NULL OR tr_type NOT IN ('1', '-1') THEN 'TR_TYPE must be 1 (debit) or -1 (credit), got ''' || coalesce(tr_type, 'nothing') || ''''
           WHEN amount_text IS NULL THEN 'AMOUNT is missing'
           WHEN amount IS NULL THEN 'AMOUNT ''' || amount_text || ''' is not a number'
           WHEN trx_amount IS NULL THEN 'TRX_AMOUNT ''' || trx_amount_text || ''' is not a number'
           WHEN base_currency IS NULL THEN 'BASECURR is missing'
           WHEN base_currency NOT IN (SELECT code FROM ops.cfg_currencies) THEN 'BASECURR ''' || base_currency || ''' is not an ISO 4217 currency'
           WHEN trx_currency NOT IN (SELECT code FROM ops.cfg_currencies) THEN 'CURRENCY ''' || trx_currency || ''' is not an ISO 4217 currency'
       END AS _error,
       source, record_no, entry_date, account_no,
       {{ money(CASE WHEN tr_type = '-1' THEN amount ELSE -amount END) }} AS base_amount_signed,
       {{ money(CASE WHEN tr_type = '-1' THEN trx_amount ELSE -trx_amount END) }} AS trx_amount_signed,
       base_currency, trx_currency, record_type, record_id, doc_number, customer_id, class_id, department_id,
       location_id, project_id, item_id, entity_id, affiliate_entity_id, entry_state, created_at
FROM parsed
