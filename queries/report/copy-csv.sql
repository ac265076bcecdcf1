-- Writes a table as CSV evidence, every cell made safe for spreadsheets (fk_csv_cell).
-- @param table VARCHAR The table or view to write.
-- @param file VARCHAR The file to write.
COPY (SELECT fk_csv_cell(COLUMNS(*)) FROM query_table($table)) TO $file (FORMAT csv, HEADER true);
