-- Loads the events of a batch of archive objects (Firehose, Lambda or old single-object messages, domain.md §3):
-- `$paths` the local files, all of one `$compression`; `$files` their objects as a JSON list of
-- {path, object_key, etag, size, last_modified}. Each event is added once: one already stored (by fk_event_key) or
-- earlier in the batch is counted as delivered, not added. Anything that is not an event fails the statement, and the
-- loader then loads the objects one at a time, so that the failure names its object.
CREATE OR REPLACE TEMP TABLE fk_event_files AS
SELECT * FROM (
  SELECT unnest(json_transform($files, '[{"path": "VARCHAR", "object_key": "VARCHAR", "etag": "VARCHAR",
    "size": "BIGINT", "last_modified": "TIMESTAMPTZ"}]'), recursive := true)
);

-- A value is an SNS envelope (its Message the events as text), a Lambda invocation (Records[].Sns.Message), or the
-- events themselves: an array of them, or one (managers 9.6 and older).
CREATE OR REPLACE TEMP TABLE fk_event_stage AS
WITH archive_values AS (
  SELECT filename AS path, json AS value
  FROM read_json_objects($paths, format = 'unstructured', compression = $compression, filename = true)
),
messages AS (
  SELECT path,
         CASE WHEN json_type(value, 'Message') = 'VARCHAR' AND json_extract_string(value, 'Type') IS NOT NULL
              THEN json(json_extract_string(value, 'Message'))
              ELSE value END AS message
  FROM archive_values
  WHERE json_type(value, 'Records') IS DISTINCT FROM 'ARRAY'
  UNION ALL
  SELECT path, json(json_extract_string(invocation, '$.Sns.Message'))
  FROM (
    SELECT path, unnest(CAST(json_extract(value, 'Records') AS JSON[])) AS invocation
    FROM archive_values
    WHERE json_type(value, 'Records') = 'ARRAY'
  )
),
delivered AS (
  SELECT path, unnest(CASE WHEN json_type(message) = 'ARRAY' THEN CAST(message AS JSON[]) ELSE [message] END) AS event
  FROM messages
),
checked AS (
  SELECT path,
         CASE WHEN json_type(event) = 'OBJECT' THEN event
              ELSE error('holds a value that is not an event (a JSON ' || lower(json_type(event)) || '): ' || left(CAST(event AS VARCHAR), 80)) END AS event
  FROM delivered
),
fields AS (
  SELECT path, event, json_transform(event, '{"EventType": "VARCHAR", "LogDate": "VARCHAR", "UniqueID": "VARCHAR",
    "EventID": "VARCHAR", "TenantID": "VARCHAR", "HostID": "VARCHAR", "Hostname": "VARCHAR",
    "HostSecurityPolicyID": "VARCHAR", "HostSecurityPolicyName": "VARCHAR", "HostGroupID": "VARCHAR",
    "Severity": "VARCHAR", "OSSEC_Level": "VARCHAR", "Risk": "VARCHAR", "Action": "VARCHAR",
    "ScanResultString": "VARCHAR"}') AS f
  FROM checked
),
timed AS (
  SELECT path, event, f,
         coalesce(fk_event_time(f.LogDate),
                  error('holds an event without a readable LogDate: ' || left(CAST(event AS VARCHAR), 80))) AS log_date
  FROM fields
)
SELECT path,
       fk_event_key(nullif(f.UniqueID, ''), f.TenantID, f.EventType, f.EventID, log_date, f.HostID) AS event_key,
       nullif(f.UniqueID, '') AS unique_id,
       f.EventType AS event_type,
       log_date,
       TRY_CAST(f.HostID AS BIGINT) AS host_id,
       f.Hostname AS host_name,
       TRY_CAST(f.HostSecurityPolicyID AS BIGINT) AS policy_id,
       f.HostSecurityPolicyName AS policy_name,
       TRY_CAST(f.HostGroupID AS BIGINT) AS group_id,
       TRY_CAST(f.TenantID AS BIGINT) AS tenant_id,
       fk_event_severity(f.EventType, f.Severity, f.OSSEC_Level, f.Risk) AS severity,
       fk_event_action(f.EventType, f.Action, f.ScanResultString) AS action,
       event AS record
FROM timed;

-- An event stored before has the same LogDate in every delivery: only stored events of the batch's days are read.
CREATE OR REPLACE TEMP TABLE fk_event_judged AS
WITH stored AS (
  SELECT event_key FROM fk_events
  WHERE log_date BETWEEN (SELECT min(log_date) FROM fk_event_stage) AND (SELECT max(log_date) FROM fk_event_stage)
)
SELECT s.*, f.object_key,
       row_number() OVER (PARTITION BY s.event_key ORDER BY f.object_key) = 1
         AND s.event_key NOT IN (SELECT event_key FROM stored) AS is_new
FROM fk_event_stage AS s
JOIN fk_event_files AS f USING (path);

INSERT INTO fk_events (event_key, unique_id, event_type, log_date, host_id, host_name, policy_id, policy_name,
                       group_id, tenant_id, severity, action, object_key, record)
SELECT event_key, unique_id, event_type, log_date, host_id, host_name, policy_id, policy_name, group_id, tenant_id,
       severity, action, object_key, record
FROM fk_event_judged
WHERE is_new;

-- An object rewritten since it was loaded keeps one row, its latest.
DELETE FROM fk_stream_objects
WHERE object = 'events' AND source_uri = $source_uri AND object_key IN (SELECT object_key FROM fk_event_files);

INSERT INTO fk_stream_objects (object, object_key, etag, size, last_modified, source_uri, delivered, added, loaded_at)
SELECT 'events', f.object_key, f.etag, f.size, f.last_modified, $source_uri,
       count(j.event_key), count(j.event_key) FILTER (WHERE j.is_new), now()
FROM fk_event_files AS f
LEFT JOIN fk_event_judged AS j ON j.path = f.path
GROUP BY f.object_key, f.etag, f.size, f.last_modified;

DROP TABLE fk_event_judged;
DROP TABLE fk_event_stage;
DROP TABLE fk_event_files;
