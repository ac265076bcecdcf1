-- The change timeline of one computer, as an analyst asks for it.
SELECT * FROM computer_changes WHERE computer_id = $computer_id ORDER BY changed_at, field;
