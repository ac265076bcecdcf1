-- The inventory at quarter end as evidence: every computer as the latest run at or before the quarter end saw it.
-- @param as_of TIMESTAMPTZ The quarter end.
CREATE OR REPLACE TEMP TABLE fk_evidence_inventory AS
SELECT * FROM fk_control_subjects($as_of::TIMESTAMPTZ) ORDER BY computer_id;
