-- A text cell from CSV or all-string Parquet, in a column that holds a nested object or list in the source:
-- JSON objects and arrays written as text become JSON again (src/store/record-expression.ts says which columns).
CREATE OR REPLACE MACRO fk_cell(v) AS
  CASE WHEN regexp_matches(v, '^\s*[\[{]') AND json_valid(v) THEN v::JSON ELSE to_json(v) END;

-- A JSON value's kind in the words JSON uses (json_type says UBIGINT, VARCHAR, …).
CREATE OR REPLACE MACRO fk_json_kind(v) AS
  CASE json_type(v) WHEN 'ARRAY' THEN 'array' WHEN 'OBJECT' THEN 'object' WHEN 'VARCHAR' THEN 'string'
    WHEN 'BOOLEAN' THEN 'boolean' WHEN 'NULL' THEN 'null' ELSE 'number' END;

-- A JSON value that must be a record; anything else fails its file (src/formats/locate-error.ts finds the line).
CREATE OR REPLACE MACRO fk_record_value(v) AS
  CASE WHEN json_type(v) = 'OBJECT' THEN v
    ELSE error('a JSON ' || fk_json_kind(v) || ' where a record (a JSON object) was expected') END;

-- The records of one value of a JSON-lines file: an object, or an array of objects (a page written on one line).
CREATE OR REPLACE MACRO fk_page_records(v) AS
  CASE WHEN json_type(v) = 'ARRAY' THEN list_transform(json_extract(v, '$[*]'), e -> fk_record_value(e))
    ELSE [fk_record_value(v)] END;

-- Top-level fields the model reads, in their documented spelling. Key casing drifts between exports (`id`, `ID`):
-- the per-run model respells a record's keys case-insensitively to these (queries/model/per-run/05-*.sql).
CREATE OR REPLACE MACRO fk_known_fields() AS [
  'ID', 'hostName', 'displayName', 'description', 'platform', 'policyID', 'groupID', 'agentVersion', 'agentGUID',
  'lastAgentCommunication', 'lastSendPolicySuccess', 'computerStatus', 'ec2VirtualMachineSummary',
  'azureARMVirtualMachineSummary', 'azureVMVirtualMachineSummary', 'gcpVirtualMachineSummary',
  'vmwareVMVirtualMachineSummary', 'antiMalware', 'webReputation', 'firewall', 'intrusionPrevention',
  'integrityMonitoring', 'logInspection', 'applicationControl', 'name', 'parentID', 'policySettings',
  'computerSettings'];

CREATE OR REPLACE MACRO fk_known_lower() AS list_transform(fk_known_fields(), n -> lower(n));

CREATE OR REPLACE MACRO fk_known_key(k) AS coalesce(fk_known_fields()[list_position(fk_known_lower(), lower(k))], k);

-- Whether a record spells a known top-level key only otherwise than documented (where both spellings are present,
-- the documented one is read).
CREATE OR REPLACE MACRO fk_keys_drift(record) AS
  len(list_intersect(json_keys(record), fk_known_fields()))
    < len(list_intersect(list_transform(json_keys(record), k -> lower(k)), fk_known_lower()));

-- An ID: an integer that fits BIGINT, given as a JSON number or as text; NULL otherwise (12.5, "abc", 2^64).
CREATE OR REPLACE MACRO fk_integer_id(v) AS
  CASE WHEN regexp_full_match(trim(v), '-?[0-9]+') THEN TRY_CAST(trim(v) AS BIGINT) END;

-- A time: milliseconds since the epoch (a number or numeric text; 0 means never), or ISO-8601 text (newer
-- schemaVersions), in UTC.
CREATE OR REPLACE MACRO fk_time(v) AS
  CASE WHEN TRY_CAST(v AS DOUBLE) IS NOT NULL
    THEN epoch_ms(CAST(nullif(TRY_CAST(v AS DOUBLE), 0) AS BIGINT)) AT TIME ZONE 'UTC'
    ELSE TRY_CAST(v AS TIMESTAMPTZ) END;
