SELECT name, value FROM fk_meta;
