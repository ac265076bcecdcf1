-- Removes the events recorded before `$before`; returns how many went. Their archive objects stay listed in
-- fk_stream_objects, so a later load does not read them back.
DELETE FROM fk_events WHERE log_date < CAST($before AS TIMESTAMPTZ);
