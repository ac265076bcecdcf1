-- What the model does with each record of the run its object's stage parsed (fk_run_parsed), as `verdict`: NULL
-- keeps it; `other-object` (a record of another object), `missing-id`, `invalid-id` (not an integer that fits
-- BIGINT) and `duplicate-id` leave it out, counted in fk_record_notices. Of the copies of one ID, the one seen
-- latest is kept (ties: the last read, by file and place in the file); identical copies are merged.
-- `record_rowid` points at the record in fk_records (stable inside the loading transaction): records are not copied.
CREATE OR REPLACE TEMP TABLE fk_run_records AS
WITH refusals AS (
  SELECT *,
    CASE WHEN other_object IS NOT NULL THEN 'other-object' WHEN id_text IS NULL THEN 'missing-id'
      WHEN id IS NULL THEN 'invalid-id' END AS refused
  FROM fk_run_parsed
),
-- Of the copies of one ID the kept one (an aggregate: a window over the run costs far more, for the same answer).
kept AS (
  SELECT id, count(*) AS copy_count,
    arg_max({'rowid': record_rowid, 'file_key': file_key, 'ordinal': ordinal},
      {'seen': coalesce(seen, '-infinity'::TIMESTAMPTZ), 'file_key': file_key, 'ordinal': ordinal}) AS copy,
    min(digest) = max(digest) AS same_digest
  FROM refusals
  WHERE refused IS NULL
  GROUP BY id
)
SELECT r.* EXCLUDE (digest, refused),
  k.copy.file_key AS kept_file_key, k.copy.ordinal AS kept_ordinal,
  CASE WHEN refused IS NULL AND k.copy.rowid <> record_rowid THEN 'duplicate-id' ELSE refused END AS verdict,
  CASE WHEN refused IS NULL AND copy_count > 1 THEN same_digest END AS identical_copies
FROM refusals AS r
LEFT JOIN kept AS k USING (id);
