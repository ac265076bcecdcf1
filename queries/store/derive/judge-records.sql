-- The records of the batch's runs (as their object's stage parsed them into fk_run_parsed) that the model leaves out, and why
-- (`verdict`): `other-object` (a record of another object), `missing-id`, `invalid-id` (not an integer that fits
-- BIGINT) and `duplicate-id`, counted in fk_record_notices. Of the copies of one ID in a run, the one seen latest is kept
-- (ties: the last read, by file and place in the file); identical copies are merged. The facts are the records not
-- left out; the statement's count says whether there is anything to notice.
-- `record_rowid` points at the record in fk_records (stable inside the loading transaction): records are not copied.
CREATE OR REPLACE TEMP TABLE fk_run_left_out AS
WITH refusals AS (
  SELECT *,
    CASE WHEN other_object IS NOT NULL THEN 'other-object' WHEN id_text IS NULL THEN 'missing-id'
      WHEN id IS NULL THEN 'invalid-id' END AS refused
  FROM fk_run_parsed
),
-- Of the copies of one ID the kept one (an aggregate: a window over the run costs far more, for the same answer).
kept AS (
  SELECT snapshot_id, id, count(*) AS copy_count,
    arg_max({'rowid': record_rowid, 'file_key': file_key, 'ordinal': ordinal},
      {'seen': coalesce(seen, '-infinity'::TIMESTAMPTZ), 'file_key': file_key, 'ordinal': ordinal}) AS copy,
    min(digest) = max(digest) AS same_digest
  FROM refusals
  WHERE refused IS NULL
  GROUP BY snapshot_id, id
  HAVING count(*) > 1
),
judged AS (
  SELECT r.snapshot_id, r.record_rowid, r.file_key, r.ordinal, r.id_text, r.id, r.other_object,
    k.copy.file_key AS kept_file_key, k.copy.ordinal AS kept_ordinal,
    CASE WHEN refused IS NULL AND k.copy.rowid <> record_rowid THEN 'duplicate-id' ELSE refused END AS verdict,
    CASE WHEN refused IS NULL THEN same_digest END AS identical_copies
  FROM refusals AS r
  LEFT JOIN kept AS k USING (snapshot_id, id)
)
SELECT * FROM judged WHERE verdict IS NOT NULL;
