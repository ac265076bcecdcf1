-- The system events an audit asks about: agents and engines going offline and back, computers and policies created,
-- deleted or changed, sign-ins and users and API keys, and anything a person (ActionBy other than System) did.
-- @param from DATE default NULL First day to show; the earliest event's when omitted.
-- @param to DATE default NULL Last day to show (the whole day); the latest event's when omitted.
SELECT log_date,
       CASE
         WHEN number IN (730, 731, 393, 394) THEN 'agent connectivity'
         WHEN number IN (250, 251, 252, 350, 351, 352) THEN 'configuration'
         WHEN number BETWEEN 600 AND 610 OR number BETWEEN 650 AND 672 THEN 'access'
         ELSE 'by a person'
       END AS category,
       number,
       event_name,
       severity,
       action_by,
       host_id,
       host_name,
       target_type,
       target_name
FROM system_events
WHERE (number IN (730, 731, 393, 394, 250, 251, 252, 350, 351, 352)
       OR number BETWEEN 600 AND 610 OR number BETWEEN 650 AND 672
       OR coalesce(action_by, 'System') <> 'System')
  AND fk_on_days(log_date, $from, $to)
ORDER BY log_date, number, unique_id;
