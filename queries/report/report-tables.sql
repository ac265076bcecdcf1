-- The report's working tables (temporary, in this session only): control results at both quarter ends, and the
-- quarter's policy changes as the `policy-changes` query gives them.
CREATE OR REPLACE TEMP TABLE fk_report_control_results (
  period            VARCHAR NOT NULL,   -- current | previous (quarter end)
  control_id        VARCHAR NOT NULL,
  severity          VARCHAR NOT NULL,   -- critical | high | medium | low (from the baseline)
  status            VARCHAR NOT NULL,   -- ok | alarm | skip | info | error
  reason            VARCHAR NOT NULL,
  resource          VARCHAR,
  computer_id       BIGINT,
  host_name         VARCHAR,
  policy_id         BIGINT,
  policy_name       VARCHAR,
  os_family         VARCHAR,
  cloud_account_id  VARCHAR,
  snapshot_id       VARCHAR,
  snapshot_at       TIMESTAMPTZ,
  reason_key        VARCHAR,
  reason_args       JSON
);

CREATE OR REPLACE TEMP TABLE fk_report_policy_changes (
  changed_at            TIMESTAMPTZ,
  previous_snapshot_at  TIMESTAMPTZ,
  policy_id             BIGINT,
  policy_name           VARCHAR,
  change_type           VARCHAR,
  field                 VARCHAR,
  old_value             VARCHAR,
  new_value             VARCHAR,
  computers_assigned    BIGINT,
  assigned_host_names   VARCHAR[],
  snapshot_id           VARCHAR,            -- the run that first saw the change
  previous_snapshot_id  VARCHAR,            -- the run it was compared with
  flow_name             VARCHAR
);
