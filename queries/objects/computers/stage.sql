-- The batch's runs' computer records as the engine judges them (store/derive/judge-records.sql): each record's ID
-- (`id_text` as given, `id` when it is an integer that fits BIGINT), `seen` (lastAgentCommunication: of the copies
-- of one ID, the latest seen is kept) and `other_object` ('policy' for a policy record in a computers flow). A record
-- missing a core field whose keys drift in casing (`id`, `Hostname`) is read again with its keys respelled
-- (`respelled`, store/macros.sql), so it reads as documented. `c` keeps the fields the model reads, parsed once.
CREATE OR REPLACE TEMP TABLE fk_run_parsed AS
WITH parsed AS MATERIALIZED (
  SELECT snapshot_id, record_rowid, file_key, ordinal, digest, c,
    CASE WHEN (c.ID IS NULL OR c.hostName IS NULL OR c.agentVersion IS NULL OR c.lastAgentCommunication IS NULL
        OR c.computerStatus IS NULL OR c.platform IS NULL)
      AND fk_keys_drift(record, $known_fields, $known_lower) THEN fk_respelled(record, $known_fields, $known_lower) END AS respelled
  FROM (
    SELECT snapshot_id, rowid AS record_rowid, file_key, ordinal, record, hash(record::VARCHAR) AS digest, fk_computer_fields(record) AS c
    FROM fk_records
    WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch)
  )
),
fields AS (
  SELECT snapshot_id, record_rowid, file_key, ordinal, digest, respelled,
    CASE WHEN respelled IS NOT NULL THEN fk_computer_fields(respelled) ELSE c END AS c
  FROM parsed
)
SELECT snapshot_id, record_rowid, file_key, ordinal, digest, respelled, c,
  c.ID AS id_text,
  fk_integer_id(c.ID) AS id,
  fk_time(c.lastAgentCommunication) AS seen,
  CASE WHEN (c.policySettings IS NOT NULL OR (c.parentID IS NOT NULL AND c.name IS NOT NULL))
    AND c.hostName IS NULL AND c.agentVersion IS NULL AND c.computerStatus IS NULL THEN 'policy' END AS other_object
FROM fields;
