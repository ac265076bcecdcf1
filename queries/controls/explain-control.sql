-- Binds a control as the engine runs it, without running it. The placeholder is the control's query (control-rows.sql).
EXPLAIN {{control}}
