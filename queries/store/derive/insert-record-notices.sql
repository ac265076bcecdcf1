-- One notice per record the model left out or merged (judge-records.sql says why), naming its file and place;
-- returned by run in that order.
INSERT INTO fk_record_notices (snapshot_id, kind, file_key, ordinal, message)
SELECT snapshot_id, verdict, file_key, ordinal,
  file_key || ' record ' || coalesce(CAST(ordinal AS VARCHAR), '?') || ': ' || CASE verdict
    WHEN 'other-object' THEN 'a ' || other_object || ' record in a ' || b.object || ' flow; left out of ' || b.object
    WHEN 'missing-id' THEN 'no ID; not counted among ' || b.object
    WHEN 'invalid-id' THEN 'ID ' || id_text || ' is not an integer that fits BIGINT; not counted among ' || b.object
    WHEN 'duplicate-id' THEN 'ID ' || id || ' ' || CASE WHEN identical_copies
      THEN 'again, an identical copy of ' ELSE 'again, with other values: counted once, as ' END
      || kept_file_key || ' record ' || coalesce(CAST(kept_ordinal AS VARCHAR), '?')
      || CASE WHEN identical_copies THEN '' ELSE ' (latest lastAgentCommunication, else the last read)' END
  END
FROM fk_run_left_out
JOIN fk_batch AS b USING (snapshot_id)
ORDER BY snapshot_id, file_key, ordinal
RETURNING snapshot_id, kind, file_key, message;
