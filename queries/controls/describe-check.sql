-- The columns a control's check returns, found by binding it without running it. The placeholder is its check.sql.
DESCRIBE SELECT * FROM (
{{check}}
) AS c
