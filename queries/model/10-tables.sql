-- Typed per-snapshot tables, maintained by each object's per-run SQL (queries/objects/<object>/) as each run is loaded.
-- The views read these instead of extracting JSON at query time. Each keeps its source record: joining back to
-- fk_records by a key inside the JSON means parsing every record, and DuckDB rowids move when a checkpoint
-- vacuums the rows of a reloaded run, so neither can stand in for a stored copy.
CREATE TABLE IF NOT EXISTS fk_computer_facts (
  snapshot_id               VARCHAR NOT NULL,
  computer_id               BIGINT,
  host_name                 VARCHAR,
  display_name              VARCHAR,
  platform                  VARCHAR,
  policy_id                 BIGINT,
  group_id                  BIGINT,
  agent_version             VARCHAR,
  agent_status              VARCHAR,
  last_agent_communication  TIMESTAMPTZ,
  cloud_account_id          VARCHAR,
  cloud_instance_id         VARCHAR,
  anti_malware_state        VARCHAR,
  web_reputation_state      VARCHAR,
  firewall_state            VARCHAR,
  intrusion_prevention_state VARCHAR,
  integrity_monitoring_state VARCHAR,
  log_inspection_state      VARCHAR,
  application_control_state VARCHAR,
  os_family                 VARCHAR NOT NULL,
  has_agent                 BOOLEAN NOT NULL,
  agent_version_key         BIGINT[],
  record                    JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS fk_policy_facts (
  snapshot_id               VARCHAR NOT NULL,
  policy_id                 BIGINT,
  name                      VARCHAR,
  parent_id                 BIGINT,
  description               VARCHAR,
  anti_malware_state        VARCHAR,
  web_reputation_state      VARCHAR,
  firewall_state            VARCHAR,
  intrusion_prevention_state VARCHAR,
  integrity_monitoring_state VARCHAR,
  log_inspection_state      VARCHAR,
  application_control_state VARCHAR,
  settings                  MAP(VARCHAR, VARCHAR),
  record                    JSON NOT NULL
);

-- Every leaf of every policy record, as text: the input of policy_changes.
CREATE TABLE IF NOT EXISTS fk_policy_leaves (
  snapshot_id               VARCHAR NOT NULL,
  policy_id                 BIGINT NOT NULL,
  field                     VARCHAR NOT NULL,
  value                     VARCHAR
);

-- computer_changes as the loader settles it (queries/objects/computers/settle/): the rows each computers run adds to
-- the timeline against the run before it in its flow, kept once worked out, since working them out reads whole records.
CREATE TABLE IF NOT EXISTS fk_computer_changes (
  computer_id               BIGINT,
  host_name                 VARCHAR,
  changed_at                TIMESTAMPTZ,
  previous_snapshot_at      TIMESTAMPTZ,
  change_type               VARCHAR NOT NULL,
  field                     VARCHAR,
  old_value                 VARCHAR,
  new_value                 VARCHAR,
  snapshot_id               VARCHAR NOT NULL,
  previous_snapshot_id      VARCHAR,
  flow_name                 VARCHAR NOT NULL
);

-- Which pair of runs each run's fk_computer_changes rows were worked out from: a run reloaded (its row cleared), a
-- run before it reloaded (previous_loaded_at) or a run loaded between them (previous_snapshot_id) unsettles them.
CREATE TABLE IF NOT EXISTS fk_computer_change_pairs (
  snapshot_id               VARCHAR NOT NULL,
  previous_snapshot_id      VARCHAR,
  previous_loaded_at        TIMESTAMPTZ
);

-- Added later; idempotent, so a store made by an older fleetkit gains them when opened.
ALTER TABLE fk_computer_facts ADD COLUMN IF NOT EXISTS last_send_policy_success TIMESTAMPTZ;
ALTER TABLE fk_computer_facts ADD COLUMN IF NOT EXISTS outdated_updates VARCHAR[];
ALTER TABLE fk_computer_facts ADD COLUMN IF NOT EXISTS stable_digest UBIGINT;
ALTER TABLE fk_computer_facts ADD COLUMN IF NOT EXISTS instance_state VARCHAR;
-- When the row's batch was derived: rows derived together share it and sit together, so a filter on it lets a scan
-- skip the records of every other batch (a run's ID says nothing of where its rows are).
ALTER TABLE fk_computer_facts ADD COLUMN IF NOT EXISTS written_at TIMESTAMPTZ;

-- The fields of a computer or policy record the model reads, parsed once (json_transform), every scalar as text so
-- that typed JSON and all-string records give the same values; a field a record lacks is NULL. The other object's
-- telltale fields are read too, to tell a policy in a computers flow (or the reverse) apart.
CREATE OR REPLACE MACRO fk_computer_fields(record) AS json_transform(record, '{
  "ID": "VARCHAR", "hostName": "VARCHAR", "displayName": "VARCHAR", "platform": "VARCHAR",
  "policyID": "VARCHAR", "groupID": "VARCHAR", "agentVersion": "VARCHAR",
  "lastAgentCommunication": "VARCHAR", "lastSendPolicySuccess": "VARCHAR",
  "computerStatus": {"agentStatus": "VARCHAR"},
  "ec2VirtualMachineSummary": {"accountID": "VARCHAR", "instanceID": "VARCHAR", "state": "VARCHAR"},
  "azureARMVirtualMachineSummary": {"subscriptionID": "VARCHAR", "instanceID": "VARCHAR", "state": "VARCHAR"},
  "azureVMVirtualMachineSummary": {"subscriptionID": "VARCHAR", "instanceID": "VARCHAR", "state": "VARCHAR"},
  "gcpVirtualMachineSummary": {"instanceID": "VARCHAR", "state": "VARCHAR"},
  "vmwareVMVirtualMachineSummary": {"instanceID": "VARCHAR"},
  "antiMalware": {"state": "VARCHAR"},
  "webReputation": {"state": "VARCHAR"},
  "firewall": {"state": "VARCHAR"},
  "intrusionPrevention": {"state": "VARCHAR"},
  "integrityMonitoring": {"state": "VARCHAR"},
  "logInspection": {"state": "VARCHAR"},
  "applicationControl": {"state": "VARCHAR"},
  "securityUpdates": "JSON",
  "name": "VARCHAR", "parentID": "VARCHAR", "policySettings": "VARCHAR"
}');

CREATE OR REPLACE MACRO fk_policy_fields(record) AS json_transform(record, '{
  "ID": "VARCHAR", "name": "VARCHAR", "parentID": "VARCHAR", "description": "VARCHAR",
  "antiMalware": {"state": "VARCHAR"},
  "webReputation": {"state": "VARCHAR"},
  "firewall": {"state": "VARCHAR"},
  "intrusionPrevention": {"state": "VARCHAR"},
  "integrityMonitoring": {"state": "VARCHAR"},
  "logInspection": {"state": "VARCHAR"},
  "applicationControl": {"state": "VARCHAR"},
  "policySettings": "MAP(VARCHAR, STRUCT(value VARCHAR))",
  "hostName": "VARCHAR", "agentVersion": "VARCHAR", "computerStatus": "VARCHAR"
}');
