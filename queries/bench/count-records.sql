SELECT count(*) AS n FROM records;
