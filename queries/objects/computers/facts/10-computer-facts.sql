-- One typed row per computer of the run: its records that store/derive/judge-records.sql does not leave out (one
-- per ID), read as documented (respelled where stage.sql respelled them). Every field is cast from text, so typed
-- JSON and all-string records give the same values, and a field an older schemaVersion lacks is NULL. Times are
-- milliseconds since the epoch (0 means never) or ISO-8601 text. `outdated_updates` names the components (patterns,
-- engines) of every list in `securityUpdates` whose `latest` is false. `stable_digest` hashes the record without
-- leaves that change on their own (a subset of those computer_changes leaves out, fk_computer_volatile), so that
-- computer_changes compares leaf by leaf only the computers whose digest moved. It patches only the small objects
-- that hold such leaves, top-level value by value: json_merge_patch over a whole 20 KB record takes hundreds of MB.
INSERT INTO fk_computer_facts BY NAME
SELECT
  snapshot_id,
  id AS computer_id,
  c.hostName AS host_name,
  c.displayName AS display_name,
  c.platform AS platform,
  fk_integer_id(c.policyID) AS policy_id,
  fk_integer_id(c.groupID) AS group_id,
  c.agentVersion AS agent_version,
  c.computerStatus.agentStatus AS agent_status,
  seen AS last_agent_communication,
  fk_time(c.lastSendPolicySuccess) AS last_send_policy_success,
  coalesce(c.ec2VirtualMachineSummary.accountID, c.azureARMVirtualMachineSummary.subscriptionID,
    c.azureVMVirtualMachineSummary.subscriptionID) AS cloud_account_id,
  coalesce(c.ec2VirtualMachineSummary.instanceID, c.azureARMVirtualMachineSummary.instanceID,
    c.azureVMVirtualMachineSummary.instanceID, c.gcpVirtualMachineSummary.instanceID,
    c.vmwareVMVirtualMachineSummary.instanceID) AS cloud_instance_id,
  c.antiMalware.state AS anti_malware_state,
  c.webReputation.state AS web_reputation_state,
  c.firewall.state AS firewall_state,
  c.intrusionPrevention.state AS intrusion_prevention_state,
  c.integrityMonitoring.state AS integrity_monitoring_state,
  c.logInspection.state AS log_inspection_state,
  c.applicationControl.state AS application_control_state,
  CASE
    WHEN regexp_matches(c.platform, 'windows', 'i') THEN 'windows'
    WHEN regexp_matches(c.platform, 'linux|red ?hat|rhel|ubuntu|debian|cent ?os|suse|rocky|alma|fedora', 'i')
      THEN 'linux'
    ELSE 'other'
  END AS os_family,
  coalesce(trim(c.agentVersion) NOT IN ('', '0.0.0.0'), false) AS has_agent,
  CASE WHEN trim(c.agentVersion) NOT IN ('', '0.0.0.0')
    THEN list_transform(regexp_split_to_array(trim(c.agentVersion), '[.-]'), part -> TRY_CAST(part AS BIGINT))
  END AS agent_version_key,
  coalesce(c.ec2VirtualMachineSummary.state, c.azureARMVirtualMachineSummary.state,
    c.azureVMVirtualMachineSummary.state, c.gcpVirtualMachineSummary.state) AS instance_state,
  list_transform(
    list_filter(json_extract(c.securityUpdates, '$.*[*]'), u -> lower(u ->> 'latest') = 'false'),
    u -> coalesce(u ->> 'name', '(unnamed)')
  ) AS outdated_updates,
  hash(list_transform(
    list_filter(map_entries(json_transform(record, '"MAP(VARCHAR, JSON)"')),
      e -> e.key NOT IN ('lastAgentCommunication', 'lastSendPolicyRequest', 'lastSendPolicySuccess', 'securityUpdates')),
    e -> CASE
      WHEN e.key = 'computerStatus' THEN {'key': e.key, 'value': json_merge_patch(e.value, '{"agentStatusMessages": null}')}
      WHEN e.key IN ('antiMalware', 'webReputation', 'firewall', 'intrusionPrevention', 'integrityMonitoring',
        'logInspection', 'applicationControl', 'activityMonitoring', 'deviceControl', 'SAP')
        THEN {'key': e.key, 'value': json_merge_patch(e.value,
          '{"moduleStatus": null, "lastScheduledScan": null, "lastManualScan": null, "lastIntegrityScan": null}')}
      ELSE e
    END)) AS stable_digest,
  $written_at::TIMESTAMPTZ AS written_at,
  record
FROM (
  SELECT s.snapshot_id, s.id, s.seen, r.record, s.c
  FROM fk_run_parsed AS s
  JOIN fk_records AS r ON r.rowid = s.record_rowid
  WHERE s.record_rowid NOT IN (SELECT record_rowid FROM fk_run_left_out)
);
