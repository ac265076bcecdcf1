-- One typed row per computer record of the run. Each record is parsed once (json_transform); every field is read as
-- text and cast, so typed JSON and all-string records give the same values, and a field an older schemaVersion
-- lacks is NULL. Times are milliseconds since the epoch; 0 means never.
INSERT INTO fk_computer_facts
SELECT
  $snapshot_id,
  TRY_CAST(c.ID AS BIGINT),
  c.hostName,
  c.displayName,
  c.platform,
  TRY_CAST(c.policyID AS BIGINT),
  TRY_CAST(c.groupID AS BIGINT),
  c.agentVersion,
  c.computerStatus.agentStatus,
  epoch_ms(CAST(nullif(TRY_CAST(c.lastAgentCommunication AS DOUBLE), 0) AS BIGINT)) AT TIME ZONE 'UTC',
  coalesce(c.ec2VirtualMachineSummary.accountID, c.azureARMVirtualMachineSummary.subscriptionID,
    c.azureVMVirtualMachineSummary.subscriptionID),
  coalesce(c.ec2VirtualMachineSummary.instanceID, c.azureARMVirtualMachineSummary.instanceID,
    c.azureVMVirtualMachineSummary.instanceID, c.gcpVirtualMachineSummary.instanceID,
    c.vmwareVMVirtualMachineSummary.instanceID),
  c.antiMalware.state,
  c.webReputation.state,
  c.firewall.state,
  c.intrusionPrevention.state,
  c.integrityMonitoring.state,
  c.logInspection.state,
  c.applicationControl.state,
  CASE
    WHEN regexp_matches(c.platform, 'windows', 'i') THEN 'windows'
    WHEN regexp_matches(c.platform, 'linux|red ?hat|rhel|ubuntu|debian|cent ?os|suse|rocky|alma|fedora', 'i')
      THEN 'linux'
    ELSE 'other'
  END,
  coalesce(trim(c.agentVersion) NOT IN ('', '0.0.0.0'), false),
  CASE WHEN trim(c.agentVersion) NOT IN ('', '0.0.0.0')
    THEN list_transform(regexp_split_to_array(trim(c.agentVersion), '[.-]'), part -> TRY_CAST(part AS BIGINT))
  END,
  record
FROM (
  SELECT record, json_transform(record, '{
    "ID": "VARCHAR", "hostName": "VARCHAR", "displayName": "VARCHAR", "platform": "VARCHAR",
    "policyID": "VARCHAR", "groupID": "VARCHAR", "agentVersion": "VARCHAR",
    "lastAgentCommunication": "VARCHAR",
    "computerStatus": {"agentStatus": "VARCHAR"},
    "ec2VirtualMachineSummary": {"accountID": "VARCHAR", "instanceID": "VARCHAR"},
    "azureARMVirtualMachineSummary": {"subscriptionID": "VARCHAR", "instanceID": "VARCHAR"},
    "azureVMVirtualMachineSummary": {"subscriptionID": "VARCHAR", "instanceID": "VARCHAR"},
    "gcpVirtualMachineSummary": {"instanceID": "VARCHAR"},
    "vmwareVMVirtualMachineSummary": {"instanceID": "VARCHAR"},
    "antiMalware": {"state": "VARCHAR"},
    "webReputation": {"state": "VARCHAR"},
    "firewall": {"state": "VARCHAR"},
    "intrusionPrevention": {"state": "VARCHAR"},
    "integrityMonitoring": {"state": "VARCHAR"},
    "logInspection": {"state": "VARCHAR"},
    "applicationControl": {"state": "VARCHAR"}
  }') AS c
  FROM fk_records
  WHERE snapshot_id = $snapshot_id AND object = 'computers'
);
