-- Records a run holds so far (inside its loading transaction): a run with none is refused, never committed.
SELECT count(*) AS records FROM fk_records WHERE snapshot_id = $snapshot_id;
