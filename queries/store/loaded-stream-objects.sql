-- The archive objects of streams the store holds from this source, with the ETag they were loaded at.
SELECT object_key, etag FROM fk_stream_objects WHERE source_uri = $source_uri;
