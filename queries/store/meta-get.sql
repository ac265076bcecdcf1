SELECT value FROM fk_meta WHERE name = $name;
