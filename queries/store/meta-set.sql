DELETE FROM fk_meta WHERE name = $name;
INSERT INTO fk_meta VALUES ($name, $value);
