-- The run's policy records, each parsed once (fk_policy_fields), as the engine judges them (store/derive/judge-records.sql):
-- its ID (`id_text` as given, `id` when it is an integer that fits BIGINT) and `other_object` ('computer' for a
-- computer record in a policies flow); policies carry no time to choose between copies of one ID (`seen`). A record
-- missing a core field whose keys drift in casing (`id`, `Name`) is read again with its keys respelled
-- (`respelled`, store/macros.sql), so it reads as documented.
CREATE OR REPLACE TEMP TABLE fk_run_parsed AS
WITH parsed AS MATERIALIZED (
  SELECT record_rowid, file_key, ordinal, digest, p,
    CASE WHEN p.ID IS NULL OR p.name IS NULL OR p.policySettings IS NULL THEN record END AS incomplete_record
  FROM (
    SELECT rowid AS record_rowid, file_key, ordinal, record, hash(record::VARCHAR) AS digest, fk_policy_fields(record) AS p
    FROM fk_records
    WHERE snapshot_id = $snapshot_id
  )
),
respelled AS (
  SELECT record_rowid, fk_respelled(incomplete_record, $known_fields) AS respelled
  FROM parsed
  WHERE incomplete_record IS NOT NULL
),
fields AS (
  SELECT record_rowid, file_key, ordinal, digest, r.respelled,
    CASE WHEN r.respelled IS NOT NULL THEN fk_policy_fields(r.respelled) ELSE p END AS p
  FROM parsed
  LEFT JOIN respelled AS r USING (record_rowid)
)
SELECT record_rowid, file_key, ordinal, digest, respelled, p,
  p.ID AS id_text,
  fk_integer_id(p.ID) AS id,
  NULL::TIMESTAMPTZ AS seen,
  CASE WHEN p.policySettings IS NULL AND (p.hostName IS NOT NULL OR p.agentVersion IS NOT NULL OR p.computerStatus IS NOT NULL)
    THEN 'computer' END AS other_object
FROM fields;
