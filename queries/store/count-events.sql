-- How many events the store holds, and the earliest one's time.
SELECT count(*) AS events, min(log_date) AS earliest FROM fk_events;
