-- The batch's runs' policy records as the engine judges them (store/derive/judge-records.sql): each record's ID (`id_text`
-- as given, `id` when it is an integer that fits BIGINT) and `other_object` ('computer' for a computer record in a
-- policies flow); policies carry no time to choose between copies of one ID (`seen`). A record missing a core field
-- whose keys drift in casing (`id`, `Name`) is read again with its keys respelled (`respelled`, store/macros.sql),
-- so it reads as documented. `p` keeps the fields the model reads, parsed once.
CREATE OR REPLACE TEMP TABLE fk_run_parsed AS
WITH parsed AS MATERIALIZED (
  SELECT snapshot_id, record_rowid, file_key, ordinal, digest, p,
    CASE WHEN (p.ID IS NULL OR p.name IS NULL OR p.policySettings IS NULL)
      AND fk_keys_drift(record, $known_fields, $known_lower) THEN fk_respelled(record, $known_fields, $known_lower) END AS respelled
  FROM (
    SELECT snapshot_id, rowid AS record_rowid, file_key, ordinal, record, hash(record::VARCHAR) AS digest, fk_policy_fields(record) AS p
    FROM fk_records
    WHERE snapshot_id IN (SELECT snapshot_id FROM fk_batch)
  )
),
fields AS (
  SELECT snapshot_id, record_rowid, file_key, ordinal, digest, respelled,
    CASE WHEN respelled IS NOT NULL THEN fk_policy_fields(respelled) ELSE p END AS p
  FROM parsed
)
SELECT snapshot_id, record_rowid, file_key, ordinal, digest, respelled, p,
  p.ID AS id_text,
  fk_integer_id(p.ID) AS id,
  NULL::TIMESTAMPTZ AS seen,
  CASE WHEN p.policySettings IS NULL AND (p.hostName IS NOT NULL OR p.agentVersion IS NOT NULL OR p.computerStatus IS NOT NULL)
    THEN 'computer' END AS other_object
FROM fields;
