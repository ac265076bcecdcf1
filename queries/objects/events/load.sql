-- Loads the events of a batch of archive objects (Firehose, Lambda, or the single-object messages of old managers):
-- `$paths` the local files, all of one `$compression` and `$format` (`newline_delimited`, or `unstructured` for
-- values that span lines or follow one another with no newline); `$files` their objects as a JSON list of
-- {path, object_key, etag, size, last_modified}; `$gathered` whether the values are first gathered into one table (for
-- small objects, see below). Each event is added once: one already stored (by fk_event_key) or
-- earlier in the batch is counted as delivered, not added. Anything that is not an event fails the statement, and the
-- loader then loads the objects one at a time, so that the failure names its object.
CREATE OR REPLACE TEMP TABLE fk_event_files AS
SELECT * FROM (
  SELECT unnest(json_transform($files, '[{"path": "VARCHAR", "object_key": "VARCHAR", "etag": "VARCHAR",
    "size": "BIGINT", "last_modified": "TIMESTAMPTZ"}]'), recursive := true)
);

-- The values of small objects are gathered first: read straight from many small files, they reach the statement below
-- a few rows at a time, and writing its typed rows a few at a time cost about 0.35 ms an object (348 objects of 7 KB:
-- 206 ms, against 87 ms gathered). Gathering large objects costs more than it saves (200 objects of 1 MB: 4.8 s
-- against 3.0 s). The branch not taken reads no file: a constant false filter leaves it out of the plan.
CREATE OR REPLACE TEMP TABLE fk_event_values AS
SELECT filename, json
FROM read_json_objects($paths, format = $format, compression = $compression, filename = true)
WHERE $gathered;

-- A value is an SNS envelope (its Message the events as text), a Lambda invocation (Records[].Sns.Message), or the
-- events themselves: an array of them, or one (managers 9.6 and older). Each text is parsed as few times as it can
-- be: the envelope once, a message once to split it into events, each event once for its fields. One pass over the
-- values: a CTE read twice would be held whole in memory.
CREATE OR REPLACE TEMP TABLE fk_event_stage AS
WITH envelopes AS (
  SELECT filename AS path, json,
         json_transform(json, '{"Type": "VARCHAR", "Message": "VARCHAR", "Records": [{"Sns": {"Message": "VARCHAR"}}]}') AS envelope
  FROM (
    SELECT filename, json FROM fk_event_values
    UNION ALL
    SELECT filename, json
    FROM read_json_objects($paths, format = $format, compression = $compression, filename = true)
    WHERE NOT $gathered
  )
),
messages AS (
  SELECT path,
         unnest(CASE WHEN envelope.Records IS NOT NULL THEN [invocation.Sns.Message FOR invocation IN envelope.Records]
                     WHEN envelope.Type IS NOT NULL AND envelope.Message IS NOT NULL THEN [envelope.Message]
                     ELSE [CAST(json AS VARCHAR)] END) AS message
  FROM envelopes
),
delivered AS (
  SELECT path, unnest(CASE WHEN starts_with(ltrim(message), '[') THEN CAST(json(message) AS JSON[]) ELSE [json(message)] END) AS event
  FROM messages
),
-- json() writes a value without spaces: an object's text starts with its brace.
checked AS (
  SELECT path,
         CASE WHEN starts_with(event, '{') THEN event
              ELSE error('holds a value that is not an event (a JSON ' || lower(json_type(event)) || '): ' || left(CAST(event AS VARCHAR), 80)) END AS event
  FROM delivered
),
-- One parse of each event for all its fields: json_extract_string over a list of paths took 2.0 s where json_transform
-- into a struct of these fields took 2.2 s, over 200 objects of 1 MB.
field_values AS (
  SELECT path, event, json_extract_string(event, [
    '$.EventType', '$.LogDate', '$.UniqueID', '$.EventID', '$.TenantID', '$.HostID', '$.Hostname',
    '$.HostSecurityPolicyID', '$.HostSecurityPolicyName', '$.HostGroupID', '$.Severity', '$.OSSEC_Level',
    '$.Risk', '$.Action', '$.ScanResultString', '$.Reason', '$.OSSEC_Description', '$.SourceIP',
    '$.MalwareName', '$.Number', '$.Title', '$.ActionBy', '$.TargetType', '$.TargetName', '$.MalwareType',
    '$.InfectedFilePath', '$.ScanType']) AS v
  FROM checked
),
fields AS (
  SELECT path, event, {
    'EventType': v[1], 'LogDate': v[2], 'UniqueID': v[3], 'EventID': v[4], 'TenantID': v[5], 'HostID': v[6],
    'Hostname': v[7], 'HostSecurityPolicyID': v[8], 'HostSecurityPolicyName': v[9], 'HostGroupID': v[10],
    'Severity': v[11], 'OSSEC_Level': v[12], 'Risk': v[13], 'Action': v[14], 'ScanResultString': v[15],
    'Reason': v[16], 'OSSEC_Description': v[17], 'SourceIP': v[18], 'MalwareName': v[19], 'Number': v[20],
    'Title': v[21], 'ActionBy': v[22], 'TargetType': v[23], 'TargetName': v[24], 'MalwareType': v[25],
    'InfectedFilePath': v[26], 'ScanType': v[27]} AS f
  FROM field_values
),
timed AS (
  SELECT path, event, f,
         coalesce(fk_event_time(f.LogDate),
                  error('holds an event without a readable LogDate: ' || left(CAST(event AS VARCHAR), 80))) AS log_date
  FROM fields
)
SELECT path,
       fk_event_key(nullif(f.UniqueID, ''), f.TenantID, f.EventType, f.EventID, log_date, f.HostID) AS event_key,
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
       CASE WHEN f.EventType = 'LogInspectionEvent' THEN f.OSSEC_Description
            WHEN f.EventType IN ('PacketLog', 'PayloadLog', 'IntegrityEvent') THEN f.Reason END AS rule_name,
       CASE WHEN f.EventType IN ('PacketLog', 'PayloadLog') THEN f.SourceIP END AS source_ip,
       CASE WHEN f.EventType = 'AntiMalwareEvent' THEN f.MalwareName END AS malware_name,
       CASE WHEN f.EventType = 'SystemEvent' THEN TRY_CAST(f.Number AS INTEGER) END AS number,
       CASE WHEN f.EventType = 'SystemEvent' THEN f.Title END AS title,
       CASE WHEN f.EventType = 'SystemEvent' THEN f.ActionBy END AS action_by,
       CASE WHEN f.EventType = 'SystemEvent' THEN f.TargetType END AS target_type,
       CASE WHEN f.EventType = 'SystemEvent' THEN f.TargetName END AS target_name,
       CASE WHEN f.EventType = 'AntiMalwareEvent' THEN f.MalwareType END AS malware_type,
       CASE WHEN f.EventType = 'AntiMalwareEvent' THEN f.InfectedFilePath END AS infected_file_path,
       CASE WHEN f.EventType = 'AntiMalwareEvent' THEN f.ScanType END AS scan_type,
       event AS record
FROM timed;

-- An event stored before has the same LogDate in every delivery: only stored events of the batch's days are read.
-- The first delivery in the batch (by object key) is added, unless the store holds the event already; the choice is
-- made on the keys alone, so that whole records are not carried through it.
INSERT INTO fk_events (event_key, event_type, log_date, host_id, host_name, policy_id, policy_name, group_id,
                       tenant_id, severity, action, rule_name, source_ip, malware_name, number, title, action_by,
                       target_type, target_name, malware_type, infected_file_path, scan_type, object_key, written_at,
                       record)
SELECT s.event_key, s.event_type, s.log_date, s.host_id, s.host_name, s.policy_id, s.policy_name, s.group_id,
       s.tenant_id, s.severity, s.action, s.rule_name, s.source_ip, s.malware_name, s.number, s.title, s.action_by,
       s.target_type, s.target_name, s.malware_type, s.infected_file_path, s.scan_type, f.object_key, now(),
       s.record
FROM fk_event_stage AS s
JOIN fk_event_files AS f USING (path)
WHERE s.rowid IN (
  SELECT arg_min(d.rowid, k.object_key)
  FROM fk_event_stage AS d
  JOIN fk_event_files AS k USING (path)
  WHERE d.event_key NOT IN (
    SELECT event_key FROM fk_events
    WHERE log_date BETWEEN (SELECT min(log_date) FROM fk_event_stage) AND (SELECT max(log_date) FROM fk_event_stage)
  )
  GROUP BY d.event_key
);

-- The counts of what this transaction (now()) wrote: no later transaction can have written, the loader being the
-- store's one writer.
INSERT INTO fk_event_days
SELECT * FROM fk_event_day_counts('-infinity'::TIMESTAMPTZ, 'infinity'::TIMESTAMPTZ, now());

-- An object rewritten since it was loaded keeps one row, its latest.
DELETE FROM fk_stream_objects
WHERE object = 'events' AND source_uri = $source_uri AND object_key IN (SELECT object_key FROM fk_event_files);

-- Added: the rows this transaction (now()) wrote under the object's key. Grouped joins, not a subquery per file:
-- one per file scanned the events once for each of a batch's thousand files.
INSERT INTO fk_stream_objects (object, object_key, etag, size, last_modified, source_uri, delivered, added, loaded_at)
SELECT 'events', f.object_key, f.etag, f.size, f.last_modified, $source_uri,
       coalesce(delivered.n, 0), coalesce(added.n, 0), now()
FROM fk_event_files AS f
LEFT JOIN (SELECT path, count(*) AS n FROM fk_event_stage GROUP BY path) AS delivered USING (path)
LEFT JOIN (SELECT object_key, count(*) AS n FROM fk_events WHERE written_at = now() GROUP BY object_key) AS added USING (object_key);

DROP TABLE fk_event_stage;
DROP TABLE fk_event_files;
DROP TABLE fk_event_values;
