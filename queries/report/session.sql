-- The report's session: times are written (CSV evidence, text casts) in UTC whatever the machine's zone.
SET TimeZone = 'UTC';
