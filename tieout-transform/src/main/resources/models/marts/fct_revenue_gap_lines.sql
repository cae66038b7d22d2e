-- materialized: period
-- The revenue gap of one period P, decomposed: every amount of C(P) - G(P) in exactly one line.
-- Grain: one row per (order, cause, diagnosis, dimension members), plus one row per unlinked GL line
-- (gl_only). Rules follow reconciliation.md §4 in its order; the whole-order rules take d(o) whole,
-- the rest split it into pieces, and whatever no rule explains is `unexplained`, never dropped.
-- Attribution causes (customer, class, item) add +x/-x pairs that net to zero for the company and
-- move the amount from the expected member to the booked one in that dimension.
WITH p AS (
    SELECT {{ var('period_from') }} AS p_from, {{ var('period_to') }} AS p_to
),
orders AS (
    SELECT o.*, s.has_document, s.is_ambiguous, s.is_intacct_voided, s.has_posted_gl, s.is_young,
           s.unmapped_diagnosis, s.booked_department, s.booked_location, s.booked_project,
           (o.order_date BETWEEN p.p_from AND p.p_to AND NOT o.is_cancelled) AS counts_in_c
    FROM {{ ref('int_commerce__orders') }} o
    JOIN {{ ref('int_recon__order_status') }} s ON s.order_key = o.order_key
    CROSS JOIN p
),
refunds AS (
    SELECT r.*, (r.refund_date BETWEEN p.p_from AND p.p_to AND NOT o.is_cancelled) AS counts_in_c
    FROM {{ ref('int_commerce__refunds') }} r
    JOIN orders o ON o.order_key = r.order_key
    CROSS JOIN p
),
gl AS (
    SELECT g.*, lo.order_key, lo.doc_kind, lo.memo_seq, (g.entry_date BETWEEN p.p_from AND p.p_to) AS in_p
    FROM {{ ref('int_gl__revenue_lines') }} g
    LEFT JOIN {{ ref('int_recon__gl_line_orders') }} lo ON lo.gl_key = g.gl_key
    CROSS JOIN p
),
c_refunds AS (
    SELECT order_key, sum(CASE WHEN counts_in_c THEN -amount_rep ELSE 0 END) AS c_refund,
           bool_or(counts_in_c) AS refunded_in_p
    FROM refunds GROUP BY order_key
),
g_orders AS (
    SELECT order_key, sum(CASE WHEN in_p THEN amount_rep ELSE 0 END) AS g, bool_or(in_p) AS posted_in_p
    FROM gl WHERE order_key IS NOT NULL GROUP BY order_key
),
-- The unit: every order that puts any amount into C(P) or G(P).
units AS (
    SELECT o.*,
           CASE WHEN o.counts_in_c THEN o.revenue_rep ELSE 0 END + coalesce(cr.c_refund, 0) AS c,
           coalesce(go.g, 0) AS g,
           CASE
               WHEN NOT o.has_document AND o.is_young THEN 'sync_lag'
               WHEN NOT o.has_document THEN 'unmapped_order'
               WHEN NOT o.has_posted_gl AND NOT o.is_intacct_voided AND NOT o.is_cancelled AND o.is_young THEN 'sync_lag'
               WHEN NOT o.has_posted_gl AND NOT o.is_intacct_voided AND NOT o.is_cancelled THEN 'pending_invoicing'
               WHEN o.is_cancelled <> o.is_intacct_voided THEN 'cancellation_mismatch'
           END AS whole_order_cause
    FROM orders o
    LEFT JOIN c_refunds cr ON cr.order_key = o.order_key
    LEFT JOIN g_orders go ON go.order_key = o.order_key
    WHERE o.counts_in_c OR coalesce(cr.refunded_in_p, false) OR coalesce(go.posted_in_p, false)
),
-- Invoice side of the pieces: the order's sales lines against its own invoice/order GL lines.
invoice_lines AS (
    SELECT u.order_key, gl.in_p, gl.amount_rep,
           {{ convert(gl.trx_amount_signed, fx.rate) }} AS at_commerce_rate,
           u.counts_in_c, u.is_cancelled
    FROM units u
    JOIN gl ON gl.order_key = u.order_key AND gl.doc_kind IN ('order', 'invoice')
    LEFT JOIN {{ ref('int_fx__daily_rates') }} fx ON fx.currency = gl.trx_currency AND fx.rate_date = u.order_date
    WHERE u.whole_order_cause IS NULL
),
invoice_pieces AS (
    SELECT order_key,
           sum(CASE WHEN counts_in_c AND in_p THEN at_commerce_rate - amount_rep ELSE 0 END) AS currency_fx,
           sum(CASE WHEN counts_in_c AND NOT in_p THEN at_commerce_rate
                    WHEN NOT counts_in_c AND NOT is_cancelled AND in_p THEN -amount_rep
                    ELSE 0 END) AS period_boundary
    FROM invoice_lines GROUP BY order_key
),
-- Memo side: the k-th refund pairs with the k-th credit memo of the order.
memos AS (
    SELECT gl.order_key, gl.memo_seq, gl.trx_currency,
           sum(CASE WHEN gl.in_p THEN gl.amount_rep ELSE 0 END) AS in_p_rep,
           sum(CASE WHEN gl.in_p THEN gl.trx_amount_signed ELSE 0 END) AS in_p_trx,
           bool_or(gl.in_p) AS posted_in_p
    FROM gl JOIN units u ON u.order_key = gl.order_key
    WHERE gl.doc_kind = 'memo' AND u.whole_order_cause IS NULL
    GROUP BY gl.order_key, gl.memo_seq, gl.trx_currency
),
refund_pairs AS (
    SELECT coalesce(r.order_key, m.order_key) AS order_key,
           r.refund_id, r.counts_in_c AS refund_in_c, r.amount_rep AS refund_rep, r.refund_date,
           m.posted_in_p AS memo_in_p, m.in_p_rep, m.in_p_trx, m.trx_currency
    FROM (SELECT * FROM refunds WHERE order_key IN (SELECT order_key FROM units WHERE whole_order_cause IS NULL)) r
    FULL OUTER JOIN memos m ON m.order_key = r.order_key AND m.memo_seq = r.refund_seq
),
memo_pieces AS (
    SELECT rp.order_key,
           sum(CASE WHEN rp.refund_in_c AND rp.memo_in_p
                    THEN {{ convert(rp.in_p_trx, fx.rate) }} - rp.in_p_rep ELSE 0 END) AS currency_fx,
           sum(CASE WHEN rp.refund_in_c AND NOT coalesce(rp.memo_in_p, false) THEN -rp.refund_rep
                    WHEN rp.refund_id IS NOT NULL AND NOT rp.refund_in_c AND rp.memo_in_p THEN -rp.in_p_rep
                    ELSE 0 END) AS refund_timing
    FROM refund_pairs rp
    LEFT JOIN {{ ref('int_fx__daily_rates') }} fx ON fx.currency = rp.trx_currency AND fx.rate_date = rp.refund_date
    GROUP BY rp.order_key
),
pieces AS (
    SELECT u.order_key,
           coalesce(ip.currency_fx, 0) + coalesce(mp.currency_fx, 0) AS currency_fx,
           coalesce(ip.period_boundary, 0) AS period_boundary,
           coalesce(mp.refund_timing, 0) AS refund_timing
    FROM units u
    LEFT JOIN invoice_pieces ip ON ip.order_key = u.order_key
    LEFT JOIN memo_pieces mp ON mp.order_key = u.order_key
    WHERE u.whole_order_cause IS NULL
),
order_lines AS (
    SELECT u.order_key, u.whole_order_cause AS cause,
           CASE WHEN u.whole_order_cause = 'unmapped_order' THEN u.unmapped_diagnosis END AS diagnosis,
           u.c - u.g AS amount
    FROM units u WHERE u.whole_order_cause IS NOT NULL
    UNION ALL SELECT order_key, 'refund_timing', NULL, refund_timing FROM pieces
    UNION ALL SELECT order_key, 'currency_fx', NULL, currency_fx FROM pieces
    UNION ALL SELECT order_key, 'period_boundary', NULL, period_boundary FROM pieces
    UNION ALL
    SELECT u.order_key, 'unexplained', NULL, u.c - u.g - pc.refund_timing - pc.currency_fx - pc.period_boundary
    FROM units u JOIN pieces pc ON pc.order_key = u.order_key
),
order_item_set AS (
    SELECT DISTINCT order_key, expected_item FROM {{ ref('int_commerce__order_lines') }} WHERE expected_item IS NOT NULL
),
-- Booked lines whose member differs from the expected one, per attribution dimension. A line booked
-- to no member at all counts as booked to '(none)', so the per-member identity holds for it too.
misattributed AS (
    SELECT u.order_key, 'customer_mapping' AS cause, 'customer' AS dimension,
           u.customer_member AS expected_member, coalesce(gl.customer_id, '(none)') AS booked_member, gl.amount_rep
    FROM units u JOIN gl ON gl.order_key = u.order_key AND gl.in_p
    WHERE u.whole_order_cause IS NULL AND coalesce(gl.customer_id, '(none)') <> u.customer_member
    UNION ALL
    SELECT u.order_key, 'class_attribution', 'class', coalesce(u.expected_class, '(none)'), coalesce(gl.class_id, '(none)'), gl.amount_rep
    FROM units u JOIN gl ON gl.order_key = u.order_key AND gl.in_p
    WHERE u.whole_order_cause IS NULL AND coalesce(gl.class_id, '(none)') <> coalesce(u.expected_class, '(none)')
    UNION ALL
    -- Item is line-level: only product lines carry one, so a line with no ITEMID is not a mismatch.
    SELECT u.order_key, 'item_mapping', 'item', u.item_member, gl.item_id, gl.amount_rep
    FROM units u JOIN gl ON gl.order_key = u.order_key AND gl.in_p
    WHERE u.whole_order_cause IS NULL AND gl.item_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM order_item_set s WHERE s.order_key = u.order_key AND s.expected_item = gl.item_id)
),
attribution_lines AS (
    SELECT order_key, cause, dimension, expected_member AS member, sum(amount_rep) AS amount
    FROM misattributed GROUP BY order_key, cause, dimension, expected_member
    UNION ALL
    SELECT order_key, cause, dimension, booked_member, -sum(amount_rep)
    FROM misattributed GROUP BY order_key, cause, dimension, booked_member
),
with_members AS (
    SELECT ol.order_key, ol.cause, ol.diagnosis, ol.amount,
           u.customer_member AS customer, u.item_member AS item, coalesce(u.expected_class, '(none)') AS class_id,
           u.booked_department AS department, u.booked_location AS location, u.booked_project AS project,
           u.expected_entity AS entity, CAST(NULL AS VARCHAR) AS gl_key
    FROM order_lines ol JOIN units u ON u.order_key = ol.order_key
    UNION ALL
    SELECT al.order_key, al.cause, NULL, al.amount,
           CASE WHEN al.dimension = 'customer' THEN al.member ELSE u.customer_member END,
           CASE WHEN al.dimension = 'item' THEN al.member ELSE u.item_member END,
           CASE WHEN al.dimension = 'class' THEN al.member ELSE coalesce(u.expected_class, '(none)') END,
           u.booked_department, u.booked_location, u.booked_project, u.expected_entity, NULL
    FROM attribution_lines al JOIN units u ON u.order_key = al.order_key
    UNION ALL
    SELECT NULL, 'gl_only', NULL, -gl.amount_rep,
           coalesce(gl.customer_id, '(none)'), gl.item_id, coalesce(gl.class_id, '(none)'), gl.department_id, gl.location_id, gl.project_id,
           gl.entity_id, gl.gl_key
    FROM gl WHERE gl.in_p AND gl.order_key IS NULL
)
SELECT p.p_from AS period_from, p.p_to AS period_to,
       w.cause, w.diagnosis, w.order_key, u.source, u.channel, u.order_number, u.order_date, w.gl_key,
       w.customer, w.item, w.class_id, w.department, w.location, w.project, w.entity,
       w.amount
FROM with_members w
LEFT JOIN units u ON u.order_key = w.order_key
CROSS JOIN p
WHERE w.amount <> 0
