-- The events the archive objects just loaded held, and how many of them were new to the store.
SELECT coalesce(sum(delivered), 0) AS delivered, coalesce(sum(added), 0) AS added
FROM fk_stream_objects
WHERE source_uri = $source_uri AND object_key IN (SELECT unnest($object_keys::VARCHAR[]));
