-- After the events recorded before `$before` were removed: the counts of the days before it go, and the day it falls
-- in is counted again from the events it still holds.
DELETE FROM fk_event_days WHERE day <= fk_utc_day(CAST($before AS TIMESTAMPTZ));

INSERT INTO fk_event_days
SELECT * FROM fk_event_day_counts(
  CAST($before AS TIMESTAMPTZ),
  CAST(fk_utc_day(CAST($before AS TIMESTAMPTZ)) + 1 AS TIMESTAMP) AT TIME ZONE 'UTC',
  '-infinity'::TIMESTAMPTZ);
