-- The runs one derivation step works on, all of one object: every statement of store/derive/ and of the object's
-- folder reads them from fk_batch. `$runs` is a JSON list of {snapshot_id, object, period_start, period_end}, the
-- period being the UTC one the run's date folders name (NULL when they name none).
CREATE OR REPLACE TEMP TABLE fk_batch AS
SELECT unnest(json_transform($runs, '[{"snapshot_id": "VARCHAR", "object": "VARCHAR", "period_start": "TIMESTAMPTZ",
  "period_end": "TIMESTAMPTZ"}]'), recursive := true);
