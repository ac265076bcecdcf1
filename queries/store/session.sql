-- Every time in fleetkit is UTC: a date-only parameter means midnight UTC, months are UTC months.
SET TimeZone = 'UTC';
