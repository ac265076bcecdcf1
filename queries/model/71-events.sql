-- Security and system events forwarded through SNS and archived in S3 (queries/objects/events/). Each event is kept
-- once, however often it was delivered; the columns every question filters on or lists are typed at load, the rest
-- stays in the record.
CREATE TABLE IF NOT EXISTS fk_events (
  event_key     VARCHAR NOT NULL,     -- UniqueID, or the fallback key where an event has none (fk_event_key)
  event_type    VARCHAR,              -- as the event names it; unknown types are kept whole
  log_date      TIMESTAMPTZ NOT NULL, -- when the agent recorded it, not when it arrived
  host_id       BIGINT,
  host_name     VARCHAR,
  policy_id     BIGINT,
  policy_name   VARCHAR,
  group_id      BIGINT,
  tenant_id     BIGINT,
  severity      VARCHAR,              -- low | medium | high | critical, NULL where the type has none
  action        VARCHAR,              -- decoded text
  rule_name     VARCHAR,              -- Reason (firewall, intrusion prevention, integrity), OSSEC_Description (log inspection)
  source_ip     VARCHAR,              -- SourceIP (firewall, intrusion prevention)
  malware_name  VARCHAR,              -- MalwareName (anti-malware)
  number        INTEGER,              -- Number (system events); the rest of these as the event gives them:
  title         VARCHAR,              -- Title (system events)
  action_by     VARCHAR,              -- ActionBy (system events)
  target_type   VARCHAR,              -- TargetType (system events)
  target_name   VARCHAR,              -- TargetName (system events)
  malware_type  VARCHAR,              -- MalwareType (anti-malware)
  infected_file_path VARCHAR,         -- InfectedFilePath (anti-malware)
  scan_type     VARCHAR,              -- ScanType (anti-malware), its code
  object_key    VARCHAR NOT NULL,     -- the archive object it first arrived in
  written_at    TIMESTAMPTZ NOT NULL, -- the load transaction that added it
  record        JSON NOT NULL USING COMPRESSION zstd -- a third of the space FSST, DuckDB's own choice, takes
);

-- A store of schema 2 or older typed fewer fields: its events get the others from their records, once. Read from the
-- record, the audit's system events took 9.0 s to list over ten million events, against 0.7 s from these columns.
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS number INTEGER;
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS title VARCHAR;
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS action_by VARCHAR;
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS target_type VARCHAR;
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS target_name VARCHAR;
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS malware_type VARCHAR;
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS infected_file_path VARCHAR;
ALTER TABLE fk_events ADD COLUMN IF NOT EXISTS scan_type VARCHAR;
UPDATE fk_events
SET number = CASE WHEN event_type = 'SystemEvent' THEN TRY_CAST(json_extract_string(record, '$.Number') AS INTEGER) END,
    title = CASE WHEN event_type = 'SystemEvent' THEN json_extract_string(record, '$.Title') END,
    action_by = CASE WHEN event_type = 'SystemEvent' THEN json_extract_string(record, '$.ActionBy') END,
    target_type = CASE WHEN event_type = 'SystemEvent' THEN json_extract_string(record, '$.TargetType') END,
    target_name = CASE WHEN event_type = 'SystemEvent' THEN json_extract_string(record, '$.TargetName') END,
    malware_type = CASE WHEN event_type = 'AntiMalwareEvent' THEN json_extract_string(record, '$.MalwareType') END,
    infected_file_path = CASE WHEN event_type = 'AntiMalwareEvent' THEN json_extract_string(record, '$.InfectedFilePath') END,
    scan_type = CASE WHEN event_type = 'AntiMalwareEvent' THEN json_extract_string(record, '$.ScanType') END
WHERE event_type IN ('SystemEvent', 'AntiMalwareEvent')
  AND coalesce((SELECT TRY_CAST(value AS INTEGER) FROM fk_meta WHERE name = 'schema_version'), 0) < 3;

-- Every archive object loaded, by key and ETag: a later load reads only objects that are new or rewritten.
CREATE TABLE IF NOT EXISTS fk_stream_objects (
  object        VARCHAR NOT NULL,     -- the catalog's stream object: events
  object_key    VARCHAR NOT NULL,
  etag          VARCHAR NOT NULL,
  size          BIGINT NOT NULL,
  last_modified TIMESTAMPTZ NOT NULL,
  source_uri    VARCHAR NOT NULL,
  delivered     BIGINT NOT NULL,      -- events the object holds
  added         BIGINT NOT NULL,      -- of them, events the store did not hold yet
  loaded_at     TIMESTAMPTZ NOT NULL
);

-- LogDate is ISO-8601 text in the documentation and a number (epoch milliseconds) in some captures.
CREATE OR REPLACE MACRO fk_event_time(value) AS
  coalesce(make_timestamptz(TRY_CAST(value AS BIGINT) * 1000), TRY_CAST(value AS TIMESTAMPTZ));

-- The UTC day of an instant, by arithmetic on its epoch: AT TIME ZONE goes through ICU's calendar for every row, five
-- times slower over a million events.
CREATE OR REPLACE MACRO fk_utc_day(log_date) AS
  CAST(DATE '1970-01-01' + CAST(epoch_us(log_date) // 86400000000 AS INTEGER) AS DATE);

-- Whether a UTC day is one of those from `from_day` to `to_day`; a NULL bound is open.
CREATE OR REPLACE MACRO fk_in_days(day, from_day, to_day) AS
  (from_day IS NULL OR day >= CAST(from_day AS DATE)) AND (to_day IS NULL OR day <= CAST(to_day AS DATE));

-- Whether an event's time falls on the UTC days from `from_day` to `to_day`, both whole; a NULL bound is open.
CREATE OR REPLACE MACRO fk_on_days(log_date, from_day, to_day) AS
  (from_day IS NULL OR log_date >= CAST(CAST(from_day AS DATE) AS TIMESTAMP) AT TIME ZONE 'UTC')
  AND (to_day IS NULL OR log_date < CAST(CAST(to_day AS DATE) + 1 AS TIMESTAMP) AT TIME ZONE 'UTC');

-- Where UniqueID is missing (older managers): (TenantID, EventType, EventID, LogDate, HostID) names one event.
CREATE OR REPLACE MACRO fk_event_key(unique_id, tenant_id, event_type, event_id, log_date, host_id) AS
  coalesce(unique_id, 'fallback:' || concat_ws('|', tenant_id, event_type, event_id, strftime(log_date AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%g'), host_id));

-- An event's UniqueID, which its key is unless the event had none: stored once, as the key.
CREATE OR REPLACE MACRO fk_unique_id(event_key) AS CASE WHEN starts_with(event_key, 'fallback:') THEN NULL ELSE event_key END;

-- Firewall and intrusion prevention `Action` codes (written in decimal or as 0x8n).
CREATE OR REPLACE MACRO fk_network_action(code) AS CASE lower(code)
  WHEN '0' THEN 'Unknown' WHEN '1' THEN 'Deny' WHEN '2' THEN 'Reset' WHEN '3' THEN 'Insert' WHEN '4' THEN 'Delete'
  WHEN '5' THEN 'Replace' WHEN '6' THEN 'Log Only'
  WHEN '129' THEN 'Detect Only: Deny' WHEN '0x81' THEN 'Detect Only: Deny'
  WHEN '130' THEN 'Detect Only: Reset' WHEN '0x82' THEN 'Detect Only: Reset'
  WHEN '131' THEN 'Detect Only: Insert' WHEN '0x83' THEN 'Detect Only: Insert'
  WHEN '132' THEN 'Detect Only: Delete' WHEN '0x84' THEN 'Detect Only: Delete'
  WHEN '133' THEN 'Detect Only: Replace' WHEN '0x85' THEN 'Detect Only: Replace'
  ELSE code
END;

CREATE OR REPLACE MACRO fk_event_action(event_type, action, scan_result) AS CASE
  WHEN event_type IN ('PacketLog', 'PayloadLog') THEN fk_network_action(action)
  WHEN event_type = 'AppControlEvent' THEN action
  WHEN event_type = 'AntiMalwareEvent' THEN scan_result
END;

-- The severities of docs/data-model.md "Events": SystemEvent Info/Warning/Error; PayloadLog and IntegrityEvent Severity 1–4; LogInspectionEvent
-- OSSEC_Level in fours; every AntiMalwareEvent high; WebReputationEvent by Risk (Suspicious medium, Highly Suspicious
-- high, Dangerous critical, Untested and Blocked by Administrator low).
CREATE OR REPLACE MACRO fk_event_severity(event_type, severity, ossec_level, risk) AS CASE
  WHEN event_type = 'SystemEvent' THEN CASE severity WHEN '1' THEN 'low' WHEN '2' THEN 'medium' WHEN '3' THEN 'high' END
  WHEN event_type IN ('PayloadLog', 'IntegrityEvent') THEN
    CASE severity WHEN '1' THEN 'low' WHEN '2' THEN 'medium' WHEN '3' THEN 'high' WHEN '4' THEN 'critical' END
  WHEN event_type = 'LogInspectionEvent' THEN CASE
    WHEN TRY_CAST(ossec_level AS INTEGER) BETWEEN 0 AND 3 THEN 'low'
    WHEN TRY_CAST(ossec_level AS INTEGER) BETWEEN 4 AND 7 THEN 'medium'
    WHEN TRY_CAST(ossec_level AS INTEGER) BETWEEN 8 AND 11 THEN 'high'
    WHEN TRY_CAST(ossec_level AS INTEGER) BETWEEN 12 AND 15 THEN 'critical'
  END
  WHEN event_type = 'AntiMalwareEvent' THEN 'high'
  WHEN event_type = 'WebReputationEvent' THEN
    CASE risk WHEN '2' THEN 'medium' WHEN '3' THEN 'high' WHEN '4' THEN 'critical' WHEN '5' THEN 'low' WHEN '6' THEN 'low' END
END;

CREATE OR REPLACE VIEW events AS
SELECT fk_unique_id(event_key) AS unique_id, event_type, log_date, host_id, host_name, policy_id, policy_name, group_id, tenant_id, severity,
       action, record
FROM fk_events;

CREATE OR REPLACE MACRO fk_direction(code) AS CASE code WHEN '0' THEN 'Incoming' WHEN '1' THEN 'Outgoing' END;

CREATE OR REPLACE MACRO fk_protocol(code) AS CASE code
  WHEN '-1' THEN 'Unknown' WHEN '1' THEN 'ICMP' WHEN '2' THEN 'IGMP' WHEN '3' THEN 'GGP' WHEN '6' THEN 'TCP'
  WHEN '12' THEN 'PUP' WHEN '17' THEN 'UDP' WHEN '22' THEN 'IDP' WHEN '58' THEN 'ICMPv6' WHEN '77' THEN 'ND'
  WHEN '255' THEN 'RAW' ELSE code
END;

CREATE OR REPLACE VIEW system_events AS
SELECT fk_unique_id(e.event_key) AS unique_id, e.log_date, e.host_id, e.host_name, e.tenant_id, e.severity,
       e.number,
       coalesce(n.name, e.title) AS event_name,
       e.title,
       e.record->>'Description' AS description,
       e.action_by,
       TRY_CAST(e.record->>'TargetID' AS BIGINT) AS target_id,
       e.target_name,
       e.target_type,
       e.record
FROM fk_events AS e
LEFT JOIN fk_system_event_names AS n ON n.number = e.number
WHERE e.event_type = 'SystemEvent';

CREATE OR REPLACE VIEW firewall_events AS
SELECT fk_unique_id(event_key) AS unique_id, log_date, host_id, host_name, policy_id, policy_name, action,
       rule_name AS reason,
       fk_direction(record->>'Direction') AS direction,
       fk_protocol(record->>'Protocol') AS protocol,
       source_ip,
       TRY_CAST(record->>'SourcePort' AS INTEGER) AS source_port,
       record->>'DestinationIP' AS destination_ip,
       TRY_CAST(record->>'DestinationPort' AS INTEGER) AS destination_port,
       TRY_CAST(record->>'RepeatCount' AS BIGINT) AS repeat_count,
       fk_event_time(record->>'EndLogDate') AS end_log_date,
       record
FROM fk_events
WHERE event_type = 'PacketLog';

CREATE OR REPLACE VIEW intrusion_prevention_events AS
SELECT fk_unique_id(event_key) AS unique_id, log_date, host_id, host_name, policy_id, policy_name, severity, action,
       starts_with(action, 'Detect Only') AS detect_only,
       rule_name,
       record->>'ApplicationType' AS application_type,
       fk_direction(record->>'Direction') AS direction,
       fk_protocol(record->>'Protocol') AS protocol,
       source_ip,
       TRY_CAST(record->>'SourcePort' AS INTEGER) AS source_port,
       record->>'DestinationIP' AS destination_ip,
       TRY_CAST(record->>'DestinationPort' AS INTEGER) AS destination_port,
       TRY_CAST(record->>'RepeatCount' AS BIGINT) AS repeat_count,
       record
FROM fk_events
WHERE event_type = 'PayloadLog';

CREATE OR REPLACE VIEW anti_malware_events AS
SELECT fk_unique_id(event_key) AS unique_id, log_date, host_id, host_name, policy_id, policy_name, severity,
       malware_name,
       malware_type,
       infected_file_path,
       CASE scan_type WHEN '0' THEN 'Real-Time' WHEN '1' THEN 'Manual' WHEN '2' THEN 'Scheduled'
         WHEN '3' THEN 'Quick Scan' ELSE scan_type END AS scan_type,
       action AS scan_result,
       TRY_CAST(record->>'ScanAction1' AS INTEGER) AS scan_action_1,
       TRY_CAST(record->>'ScanAction2' AS INTEGER) AS scan_action_2,
       record->>'FileSHA1' AS file_sha1,
       record->>'PatternVersion' AS pattern_version,
       record
FROM fk_events
WHERE event_type = 'AntiMalwareEvent';

CREATE OR REPLACE VIEW web_reputation_events AS
SELECT fk_unique_id(event_key) AS unique_id, log_date, host_id, host_name, policy_id, policy_name, severity,
       record->>'URL' AS url,
       CASE record->>'Risk' WHEN '2' THEN 'Suspicious' WHEN '3' THEN 'Highly Suspicious' WHEN '4' THEN 'Dangerous'
         WHEN '5' THEN 'Untested' WHEN '6' THEN 'Blocked by Administrator' ELSE record->>'Risk' END AS risk,
       TRY_CAST(record->>'RiskLevel' AS INTEGER) AS risk_level,
       record->>'DetectionCategory' AS detection_category,
       record
FROM fk_events
WHERE event_type = 'WebReputationEvent';

CREATE OR REPLACE VIEW integrity_events AS
SELECT fk_unique_id(event_key) AS unique_id, log_date, host_id, host_name, policy_id, policy_name, severity,
       record->>'Key' AS key,
       record->>'EntityType' AS entity_type,
       CASE record->>'Change' WHEN '1' THEN 'Created' WHEN '2' THEN 'Updated' WHEN '3' THEN 'Deleted'
         WHEN '4' THEN 'Renamed' ELSE record->>'Change' END AS change,
       rule_name,
       record
FROM fk_events
WHERE event_type = 'IntegrityEvent';

CREATE OR REPLACE VIEW log_inspection_events AS
SELECT fk_unique_id(event_key) AS unique_id, log_date, host_id, host_name, policy_id, policy_name, severity,
       TRY_CAST(record->>'OSSEC_Level' AS INTEGER) AS ossec_level,
       record->>'OSSEC_RuleID' AS ossec_rule_id,
       rule_name AS ossec_description,
       record
FROM fk_events
WHERE event_type = 'LogInspectionEvent';

CREATE OR REPLACE VIEW app_control_events AS
SELECT fk_unique_id(event_key) AS unique_id, log_date, host_id, host_name, policy_id, policy_name, action,
       record->>'FileName' AS file_name,
       record->>'Path' AS path,
       record->>'SHA256' AS sha256,
       record->>'ProcessName' AS process_name,
       record->>'UserName' AS user_name,
       record
FROM fk_events
WHERE event_type = 'AppControlEvent';
