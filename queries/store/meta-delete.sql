DELETE FROM fk_meta WHERE name = $name;
