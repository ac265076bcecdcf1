-- Every computer and policy record of the run, parsed once, with what the model does with it (`verdict`): NULL
-- keeps it; `other-object` (a policy in a computers flow, or the reverse), `missing-id`, `invalid-id` (not an
-- integer that fits BIGINT) and `duplicate-id` leave it out, counted in fk_record_notices. Of the copies of one ID,
-- the one with the latest lastAgentCommunication is kept (ties: the last read, by file and place in the file);
-- identical copies are merged. A record missing a core field under its documented spelling whose keys drift in
-- casing (`id`, `Hostname`) is read again with its keys respelled (`respelled`), so it reads as documented.
-- `record_rowid` points at the record in fk_records (stable inside the loading transaction): records are not copied.
CREATE OR REPLACE TEMP TABLE fk_run_records AS
WITH parsed AS MATERIALIZED (
  SELECT record_rowid, file_key, ordinal, object, hash(record::VARCHAR) AS digest, c, p,
    CASE WHEN ((object = 'computers' AND (c.ID IS NULL OR c.hostName IS NULL OR c.agentVersion IS NULL
          OR c.lastAgentCommunication IS NULL OR c.computerStatus IS NULL OR c.platform IS NULL))
        OR (object = 'policies' AND (p.ID IS NULL OR p.name IS NULL OR p.policySettings IS NULL)))
      AND fk_keys_drift(record) THEN record END AS drifted_record
  FROM (
    SELECT rowid AS record_rowid, file_key, ordinal, object, record, fk_computer_fields(record) AS c, NULL AS p
    FROM fk_records
    WHERE snapshot_id = $snapshot_id AND object = 'computers'
    UNION ALL
    SELECT rowid, file_key, ordinal, object, record, NULL, fk_policy_fields(record)
    FROM fk_records
    WHERE snapshot_id = $snapshot_id AND object = 'policies'
  )
),
-- Each key of a drifted record in its documented spelling; where two spell one key, the documented one is kept.
respelled_keys AS (
  SELECT record_rowid, fk_known_key(entry.key) AS key, entry.value,
    row_number() OVER (PARTITION BY record_rowid, fk_known_key(entry.key) ORDER BY entry.key = fk_known_key(entry.key) DESC) AS rank
  FROM parsed, unnest(map_entries(json_transform(drifted_record, '"MAP(VARCHAR, JSON)"'))) AS t(entry)
  WHERE drifted_record IS NOT NULL
),
respelled AS (
  SELECT record_rowid, to_json(map_from_entries(list({'key': key, 'value': value}))) AS respelled
  FROM respelled_keys
  WHERE rank = 1
  GROUP BY record_rowid
),
fields AS (
  SELECT record_rowid, file_key, ordinal, object, digest, r.respelled,
    CASE WHEN r.respelled IS NOT NULL AND object = 'computers' THEN fk_computer_fields(r.respelled) ELSE c END AS c,
    CASE WHEN r.respelled IS NOT NULL AND object = 'policies' THEN fk_policy_fields(r.respelled) ELSE p END AS p
  FROM parsed
  LEFT JOIN respelled AS r USING (record_rowid)
),
judged AS (
  SELECT record_rowid, file_key, ordinal, object, digest, respelled, c, p,
    coalesce(c.ID, p.ID) AS id_text,
    fk_integer_id(coalesce(c.ID, p.ID)) AS id,
    fk_time(c.lastAgentCommunication) AS last_seen,
    CASE
      WHEN object = 'computers' AND (c.policySettings IS NOT NULL OR (c.parentID IS NOT NULL AND c.name IS NOT NULL))
        AND c.hostName IS NULL AND c.agentVersion IS NULL AND c.computerStatus IS NULL THEN 'policy'
      WHEN object = 'policies' AND p.policySettings IS NULL
        AND (p.hostName IS NOT NULL OR p.agentVersion IS NOT NULL OR p.computerStatus IS NOT NULL) THEN 'computer'
    END AS other_object
  FROM fields
),
refusals AS (
  SELECT *,
    CASE WHEN other_object IS NOT NULL THEN 'other-object' WHEN id_text IS NULL THEN 'missing-id'
      WHEN id IS NULL THEN 'invalid-id' END AS refused
  FROM judged
),
-- Of the copies of one ID the kept one (an aggregate: a window over the run costs far more, for the same answer).
kept AS (
  SELECT object, id, count(*) AS copy_count,
    arg_max({'rowid': record_rowid, 'file_key': file_key, 'ordinal': ordinal},
      {'seen': coalesce(last_seen, '-infinity'::TIMESTAMPTZ), 'file_key': file_key, 'ordinal': ordinal}) AS copy,
    min(digest) = max(digest) AS same_digest
  FROM refusals
  WHERE refused IS NULL
  GROUP BY object, id
)
SELECT record_rowid, r.file_key, r.ordinal, object, respelled, c, p, id_text, id, last_seen, other_object,
  k.copy.file_key AS kept_file_key, k.copy.ordinal AS kept_ordinal,
  CASE WHEN refused IS NULL AND k.copy.rowid <> record_rowid THEN 'duplicate-id' ELSE refused END AS verdict,
  CASE WHEN refused IS NULL AND copy_count > 1 THEN same_digest END AS identical_copies
FROM refusals AS r
LEFT JOIN kept AS k USING (object, id);
