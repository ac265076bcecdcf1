-- What the events are most about: the rules, computers, malware or source addresses that most events name.
-- @param by VARCHAR default rule What to rank: rule (the firewall, intrusion prevention, integrity or log inspection rule), host, malware or source_ip.
-- @param from DATE default NULL First day to count; the earliest event's when omitted.
-- @param to DATE default NULL Last day to count (the whole day); the latest event's when omitted.
-- @param top INTEGER default 10 How many to show.
--
-- Each event counts once however often it was delivered. Days are UTC.
WITH named AS (
  SELECT event_type, host_id, log_date,
         CASE $by
           WHEN 'rule' THEN rule_name
           WHEN 'host' THEN coalesce(host_name, CAST(host_id AS VARCHAR))
           WHEN 'malware' THEN malware_name
           WHEN 'source_ip' THEN source_ip
           ELSE error('by must be rule, host, malware or source_ip, not ' || $by)
         END AS subject
  FROM fk_events
  WHERE fk_on_days(log_date, $from, $to)
)
SELECT subject,
       string_agg(DISTINCT event_type, ', ' ORDER BY event_type) AS event_types,
       count(*) AS events,
       count(DISTINCT host_id) AS computers,
       min(log_date) AS first_seen,
       max(log_date) AS last_seen
FROM named
WHERE subject IS NOT NULL AND subject <> ''
GROUP BY subject
ORDER BY events DESC, subject
LIMIT $top;
