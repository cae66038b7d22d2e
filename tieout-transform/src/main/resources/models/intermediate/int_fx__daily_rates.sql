-- The rate to the reporting currency for every currency on every day from its first published rate
-- to the later of T and its last rate: the last rate published on or before the day (ECB publishes
-- none on weekends and TARGET holidays). The reporting currency itself is 1 on every day from 2000
-- to a year after T, so a company with no foreign currency needs no rates at all. `rate` applies the configured policy: transaction_date takes the day's rate,
-- period_average the mean of the rates published in the day's calendar month.
WITH direct AS (
    SELECT from_currency AS currency, rate_date, rate
    FROM {{ ref('stg_fx__rates') }}
    WHERE to_currency = {{ var('reporting_currency') }}
    QUALIFY row_number() OVER (PARTITION BY from_currency, rate_date ORDER BY source) = 1
),
days AS (
    {{ date_series((SELECT coalesce(min(rate_date), {{ var('as_of_date') }}) FROM direct),
                   (SELECT greatest(coalesce(max(rate_date), {{ var('as_of_date') }}), {{ var('as_of_date') }}) FROM direct)) }}
),
reporting_days AS (
    {{ date_series(DATE '2000-01-01', {{ add_days({{ var('as_of_date') }}, 366) }}) }}
),
spans AS (
    SELECT currency, rate_date AS valid_from,
           coalesce(lead(rate_date) OVER (PARTITION BY currency ORDER BY rate_date), DATE '9999-12-31') AS valid_to,
           rate
    FROM direct
),
monthly AS (
    SELECT currency, {{ month_start(rate_date) }} AS month_start, {{ decimal_mean(rate) }} AS average_rate
    FROM direct
    GROUP BY currency, {{ month_start(rate_date) }}
),
daily AS (
    SELECT s.currency, days.d AS rate_date, s.rate AS daily_rate
    FROM days
    JOIN spans s ON days.d >= s.valid_from AND days.d < s.valid_to
)
SELECT daily.currency, daily.rate_date, daily.daily_rate, m.average_rate AS month_average_rate,
       CAST(CASE WHEN {{ var('fx_policy') }} = 'period_average' THEN m.average_rate ELSE daily.daily_rate END AS DECIMAL(18,10)) AS rate
FROM daily
LEFT JOIN monthly m ON m.currency = daily.currency AND m.month_start = {{ month_start(daily.rate_date) }}
UNION ALL
SELECT {{ var('reporting_currency') }}, d, CAST(1 AS DECIMAL(18,10)), CAST(1 AS DECIMAL(18,10)), CAST(1 AS DECIMAL(18,10))
FROM reporting_days
