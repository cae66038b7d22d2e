-- GL detail lines in the revenue account set, posted by T, signed credit minus debit and converted
-- from the entity's base currency to the reporting currency at the posting date's rate (per policy).
-- Each line links to the AR or OE record that posted it through RECORDTYPE/RECORDID.
WITH lines AS (
    SELECT * FROM {{ ref('stg_intacct__gl_detail') }} g
    WHERE (g.created_at IS NULL OR g.created_at <= {{ var('as_of') }})
      AND lower(g.entry_state) = 'posted'
      AND g.account_no NOT IN (SELECT account_from FROM ops.cfg_revenue_accounts WHERE kind = 'exclude')
      AND (g.account_no IN (SELECT account_from FROM ops.cfg_revenue_accounts WHERE kind = 'include')
           OR EXISTS (SELECT 1 FROM ops.cfg_revenue_accounts a
                      WHERE a.kind = 'range' AND length(g.account_no) = length(a.account_from)
                        AND g.account_no BETWEEN a.account_from AND a.account_to))
)
SELECT 'GLDETAIL:' || l.record_no AS gl_key, l.record_no, l.entry_date, l.account_no,
       l.base_amount_signed, l.base_currency, l.trx_amount_signed, l.trx_currency,
       {{ convert(l.base_amount_signed, fx.rate) }} AS amount_rep,
       upper(l.record_type) AS record_object, l.record_id, l.doc_number,
       l.customer_id, l.class_id, l.department_id, l.location_id, l.project_id, l.item_id,
       coalesce(l.entity_id, {{ var('default_entity') }}) AS entity_id,
       l.affiliate_entity_id, l.affiliate_entity_id IS NOT NULL AS is_inter_entity
FROM lines l
LEFT JOIN {{ ref('int_fx__daily_rates') }} fx ON fx.currency = l.base_currency AND fx.rate_date = l.entry_date
