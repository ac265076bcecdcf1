-- Text cells as the report's CSV evidence writes them (fk_csv_cell, queries/report/macros.sql), in the order given.
SELECT list_transform($cells::VARCHAR[], cell -> fk_csv_cell(cell)) AS cells;
