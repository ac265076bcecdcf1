-- Compares the module's state with the states this control accepts (fk_module_control).
-- @severity medium
-- @param as_of TIMESTAMPTZ Check each computer as the latest run at or before this time saw it.
SELECT * FROM fk_module_control($as_of::TIMESTAMPTZ, 'log_inspection', ['on']);
